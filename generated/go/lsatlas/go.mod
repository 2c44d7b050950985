module example.com/specpipe/lsatlas

go 1.24
