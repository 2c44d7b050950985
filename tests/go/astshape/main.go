// Command astshape prints, for each Go file of the folders it is given, a digest of the
// file's syntax tree with identifiers, literals and comments left out: two packages
// generated from specs that differ only in their text have the same shapes.
// tests/test_client_go_hostile.py runs it.
package main

import (
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
)

func shape(path string) (string, error) {
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	var nodes strings.Builder
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			nodes.WriteString(")")
			return true
		}
		nodes.WriteString(reflect.TypeOf(n).Elem().Name())
		if lit, ok := n.(*ast.BasicLit); ok {
			nodes.WriteString(":" + lit.Kind.String())
		}
		nodes.WriteString("(")
		return true
	})
	return fmt.Sprintf("%x", sha256.Sum256([]byte(nodes.String()))), nil
}

func main() {
	status := 0
	for _, folder := range os.Args[1:] {
		files, _ := filepath.Glob(filepath.Join(folder, "*.go"))
		sort.Strings(files)
		for _, file := range files {
			digest, err := shape(file)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				status = 1
				continue
			}
			fmt.Printf("%s\t%s\t%s\n", folder, filepath.Base(file), digest)
		}
	}
	os.Exit(status)
}
