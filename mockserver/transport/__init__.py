"""HTTP/1.1 on the socket as Node 20's http server speaks it: requests read by llhttp, answers written, waits."""
