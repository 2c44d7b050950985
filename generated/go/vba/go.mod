module example.com/specpipe/vba

go 1.24
