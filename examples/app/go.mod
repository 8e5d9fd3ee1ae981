module example.com/app

go 1.22

require (
	github.com/pkg/errors v0.9.1
	golang.org/x/text v0.14.0
)
