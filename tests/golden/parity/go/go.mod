module example.com/specpipe/parity

go 1.24
