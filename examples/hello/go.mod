// Deprecated: this example module exists only to show gomod-doctor's output.
module example.com/hello

go 1.22

require (
	golang.org/x/text v0.14.0
	rsc.io/quote v1.5.2
)

require rsc.io/sampler v1.3.0 // indirect

replace example.com/old => ../old

retract v1.0.1 // published by mistake
