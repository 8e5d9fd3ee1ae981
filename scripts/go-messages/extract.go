// Command extract lists the error and warning format strings that a Go source tree's module code
// can print. It parses the packages named on the command line (directories relative to the
// GOROOT src directory given first) with go/parser and prints one JSON object per message:
// the package directory, the file and line, the printing function and the format string.
//
// Usage: go run extract.go GOROOT/src dir...
//
// What counts as a message: the literal (or constant concatenation) format passed to an
// error-making or printing call (fmt.Errorf, errors.New, base.Fatalf, base.Errorf, local
// errorf helpers, fmt.Fprintf to os.Stderr, ...), and the formats an Error() method returns.
// Parts of a concatenation that are not literals become %v, as they would read when printed.
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
	"strings"
)

type message struct {
	Pkg    string `json:"pkg"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Func   string `json:"func"`
	Format string `json:"format"`
}

// calleeName gives "pkg.Name" for a selector call and "Name" for a plain identifier call.
func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name + "." + f.Sel.Name
		}
		return "?." + f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return ""
}

// formatArg is the index of the format argument when the call prints or builds an error message.
func formatArg(name string, call *ast.CallExpr) int {
	last := name
	if i := strings.LastIndex(name, "."); i >= 0 {
		last = name[i+1:]
	}
	switch {
	case name == "errors.New" || name == "fmt.Errorf" || name == "log.Fatalf" || name == "log.Printf":
		return 0
	case name == "fmt.Fprintf" || name == "fmt.Fprintln" || name == "fmt.Fprint":
		if len(call.Args) > 0 && calleeName(call.Args[0]) == "os.Stderr" {
			return 1
		}
		return -1
	case name == "base.Fatalf" || name == "base.Errorf" || name == "base.Fatal" || name == "base.Error":
		return 0
	case strings.EqualFold(last, "errorf") || last == "Fatalf" || last == "Warnf" || last == "fatalf":
		return 0
	case strings.HasSuffix(strings.ToLower(last), "errorf"):
		// Helpers such as load.ImportErrorf(path, format, args...): the first literal argument.
		for i, arg := range call.Args {
			if _, ok := constString(arg); ok {
				return i
			}
		}
	}
	return -1
}

// constString evaluates a literal or a + concatenation; parts that are not literals read %v.
func constString(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return constString(x.X)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, lok := constString(x.X)
		r, rok := constString(x.Y)
		if !lok && !rok {
			return "", false
		}
		if !lok {
			l = "%v"
		}
		if !rok {
			r = "%v"
		}
		return l + r, true
	}
	return "", false
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: extract GOROOT/src dir...")
		os.Exit(2)
	}
	root := os.Args[1]
	var out []message
	fset := token.NewFileSet()
	for _, dir := range os.Args[2:] {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			continue // not in this release
		}
		for _, entry := range entries {
			name := entry.Name()
			if entry.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			path := filepath.Join(root, dir, name)
			file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			add := func(pos token.Pos, fn, format string) {
				if strings.TrimSpace(format) == "" || strings.TrimSpace(format) == "%v" || format == "%s" || format == "%w" {
					return
				}
				out = append(out, message{Pkg: dir, File: name, Line: fset.Position(pos).Line, Func: fn, Format: format})
			}
			for _, decl := range file.Decls {
				fd, isFunc := decl.(*ast.FuncDecl)
				isErrorMethod := isFunc && fd.Recv != nil && fd.Name.Name == "Error" && fd.Type.Params.NumFields() == 0
				ast.Inspect(decl, func(n ast.Node) bool {
					switch x := n.(type) {
					case *ast.CallExpr:
						name := calleeName(x.Fun)
						if i := formatArg(name, x); i >= 0 && i < len(x.Args) {
							if s, ok := constString(x.Args[i]); ok {
								add(x.Pos(), name, s)
							}
						} else if isErrorMethod && (name == "fmt.Sprintf" || name == "fmt.Sprint") && len(x.Args) > 0 {
							if s, ok := constString(x.Args[0]); ok {
								add(x.Pos(), "Error()", s)
							}
						}
					case *ast.ReturnStmt:
						if isErrorMethod && len(x.Results) == 1 {
							if s, ok := constString(x.Results[0]); ok {
								add(x.Pos(), "Error()", s)
							}
						}
					case *ast.AssignStmt:
						// Error() methods that build the text in a variable: b.WriteString is not
						// followed; `msg := "..." + x` is.
						if isErrorMethod && len(x.Rhs) == 1 {
							if s, ok := constString(x.Rhs[0]); ok {
								add(x.Pos(), "Error()", s)
							}
						}
					}
					return true
				})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pkg != out[j].Pkg {
			return out[i].Pkg < out[j].Pkg
		}
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, m := range out {
		if err := enc.Encode(m); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
