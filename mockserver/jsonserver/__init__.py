"""json-server 0.16's app as the live API runs it: the request pipeline (`app`), its router and its query language."""
