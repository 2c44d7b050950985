module example.com/specpipe/opendental

go 1.24
