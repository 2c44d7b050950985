// Command parity prints, as JSON, what the Go files of the folder it is given declare: the
// top-level constants and variables with their values, the struct types with their fields,
// and each function and method with the calls, switch cases and string-keyed index
// expressions of its body. Values are JSON where the Go expression is a literal (strings,
// numbers, booleans, composite literals); any other expression is {"src": its source text}. tests/test_parity.py runs it
// on a generated client and compares the result with the Python and TypeScript clients.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

type field struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

type function struct {
	Receiver string     `json:"receiver"`
	Params   []field    `json:"params"`
	Results  []string   `json:"results"`
	Calls    [][]any    `json:"calls"`   // the callee's source, then each argument
	Cases    [][]string `json:"cases"`   // a case's condition, then its returned values
	Indexes  [][]string `json:"indexes"` // x["key"]: the source of x, then the key
}

type output struct {
	Values    map[string]any        `json:"values"`
	Structs   map[string][]field    `json:"structs"`
	Functions map[string][]function `json:"functions"` // by name: methods of several types share one
}

type reader struct {
	fset *token.FileSet
	text []byte
}

func (r reader) src(node ast.Node) string {
	return string(r.text[r.fset.Position(node.Pos()).Offset:r.fset.Position(node.End()).Offset])
}

func (r reader) value(expr ast.Expr) any {
	switch e := expr.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.STRING:
			if text, err := strconv.Unquote(e.Value); err == nil {
				return text
			}
		case token.INT, token.FLOAT:
			if number, err := strconv.ParseFloat(e.Value, 64); err == nil {
				return number
			}
		}
	case *ast.Ident:
		if e.Name == "true" || e.Name == "false" {
			return e.Name == "true"
		}
	case *ast.CompositeLit:
		elements := []any{}
		for _, element := range e.Elts {
			elements = append(elements, r.value(element))
		}
		composite := map[string]any{"elements": elements}
		if e.Type != nil {
			composite["type"] = r.src(e.Type)
		}
		return composite
	case *ast.KeyValueExpr:
		return map[string]any{"key": r.value(e.Key), "value": r.value(e.Value)}
	case *ast.BinaryExpr:
		return map[string]any{"op": e.Op.String(), "x": r.value(e.X), "y": r.value(e.Y)}
	case *ast.ParenExpr:
		return r.value(e.X)
	}
	return map[string]any{"src": r.src(expr)}
}

func (r reader) fields(list *ast.FieldList) []field {
	found := []field{}
	if list == nil {
		return found
	}
	for _, f := range list.List {
		if len(f.Names) == 0 {
			found = append(found, field{"", r.src(f.Type)})
		}
		for _, name := range f.Names {
			found = append(found, field{name.Name, r.src(f.Type)})
		}
	}
	return found
}

func (r reader) function(decl *ast.FuncDecl) function {
	fn := function{Params: r.fields(decl.Type.Params), Results: []string{}, Calls: [][]any{}, Cases: [][]string{}, Indexes: [][]string{}}
	if decl.Recv != nil && len(decl.Recv.List) == 1 {
		fn.Receiver = r.src(decl.Recv.List[0].Type)
	}
	for _, result := range r.fields(decl.Type.Results) {
		fn.Results = append(fn.Results, result.Type)
	}
	if decl.Body == nil {
		return fn
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch node := n.(type) {
		case *ast.CallExpr:
			call := []any{r.src(node.Fun)}
			for _, arg := range node.Args {
				call = append(call, r.value(arg))
			}
			fn.Calls = append(fn.Calls, call)
		case *ast.IndexExpr:
			if lit, ok := node.Index.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if key, err := strconv.Unquote(lit.Value); err == nil {
					fn.Indexes = append(fn.Indexes, []string{r.src(node.X), key})
				}
			}
		case *ast.CaseClause:
			for _, condition := range node.List {
				found := []string{r.src(condition)}
				for _, statement := range node.Body {
					if ret, ok := statement.(*ast.ReturnStmt); ok {
						for _, result := range ret.Results {
							found = append(found, r.src(result))
						}
					}
				}
				fn.Cases = append(fn.Cases, found)
			}
		}
		return true
	})
	return fn
}

func main() {
	out := output{Values: map[string]any{}, Structs: map[string][]field{}, Functions: map[string][]function{}}
	files, _ := filepath.Glob(filepath.Join(os.Args[1], "*.go"))
	sort.Strings(files)
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, path, text, parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		r := reader{fset, text}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				out.Functions[d.Name.Name] = append(out.Functions[d.Name.Name], r.function(d))
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.ValueSpec:
						for i, name := range s.Names {
							if i < len(s.Values) {
								out.Values[name.Name] = r.value(s.Values[i])
							}
						}
					case *ast.TypeSpec:
						if st, ok := s.Type.(*ast.StructType); ok {
							out.Structs[s.Name.Name] = r.fields(st.Fields)
						}
					}
				}
			}
		}
	}
	encoded, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(encoded))
}
