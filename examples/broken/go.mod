module example.com/broken

go 1.21.0

require (
	github.com/pkg/errors v0.9
	golang.org/x/net latest
	github.com/spf13/cobra v2.0.0
)

toolchain 1.22
