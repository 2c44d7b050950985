// Prints, as JSON, what the TypeScript files given as arguments declare, read with
// TypeScript 5's compiler API: top-level constants with their values, interfaces with their
// members, classes with their methods and fields, and each function with the conditions of
// its `if` statements and its calls. Values are JSON where the expression is a literal (strings, numbers,
// booleans, arrays, objects; `satisfies` and `as` are looked through); any other expression
// is {"src": its source text}. tests/test_parity.py runs it on a generated client and
// compares the result with the Python and Go clients.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript5");

function value(node, file) {
  if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) {
    return value(node.expression, file);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => value(e, file));
  if (ts.isObjectLiteralExpression(node)) {
    const object = {};
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) object[name(property.name)] = value(property.initializer, file);
    }
    return object;
  }
  return { src: node.getText(file) };
}

function name(node) {
  return ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node) ? node.text : node.getText();
}

function parameters(list, file) {
  return list.map((p) => ({
    name: p.name.getText(file),
    optional: p.questionToken !== undefined || p.initializer !== undefined,
    type: p.type ? p.type.getText(file) : null,
  }));
}

function statements(body, file) {
  const found = { ifs: [], calls: [] };
  const walk = (node) => {
    if (ts.isIfStatement(node)) found.ifs.push([node.expression.getText(file), node.thenStatement.getText(file)]);
    if (ts.isCallExpression(node)) found.calls.push([node.expression.getText(file), ...node.arguments.map((a) => value(a, file))]);
    ts.forEachChild(node, walk);
  };
  if (body) walk(body);
  return found;
}

const out = { values: {}, interfaces: {}, classes: {}, functions: {} };
for (const fileName of process.argv.slice(2)) {
  const file = ts.createSourceFile(fileName, fs.readFileSync(fileName, "utf8"), ts.ScriptTarget.Latest, true);
  const module = path.basename(fileName, ".ts");
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.initializer) out.values[`${module}.${name(declaration.name)}`] = value(declaration.initializer, file);
      }
    } else if (ts.isInterfaceDeclaration(statement)) {
      out.interfaces[`${module}.${statement.name.text}`] = statement.members.map((m) => ({
        name: m.name ? name(m.name) : null,
        optional: m.questionToken !== undefined,
        kind: ts.isMethodSignature(m) ? "method" : "property",
        params: ts.isMethodSignature(m) ? parameters(m.parameters, file) : [],
        type: m.type ? m.type.getText(file) : null,
      }));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const heritage = (statement.heritageClauses || []).flatMap((h) => h.types.map((t) => t.expression.getText(file)));
      out.classes[`${module}.${statement.name.text}`] = {
        extends: heritage,
        members: statement.members.map((m) => ({
          name: m.name ? name(m.name) : "constructor",
          kind: ts.isMethodDeclaration(m) ? "method" : ts.isPropertyDeclaration(m) ? "property" : "other",
          params: m.parameters ? parameters(m.parameters, file) : [],
          type: m.type ? m.type.getText(file) : null,
        })),
      };
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      out.functions[`${module}.${statement.name.text}`] = {
        params: parameters(statement.parameters, file),
        ...statements(statement.body, file),
      };
    }
  }
}
console.log(JSON.stringify(out));
