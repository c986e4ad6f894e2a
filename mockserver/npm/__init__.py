"""The npm libraries json-server 0.16 runs on (body-parser, qs, lodash, pluralize, negotiator, iconv-lite, parseurl,
Express's response side), ported as Node runs them."""
