package main

import (
	"fmt"

	"git.corp.example.com/team/lib"
	"github.com/pkg/errors"
)

func main() {
	fmt.Println(lib.Name, errors.New("example"))
}
