# Varnish in front of the misbehaving upstreams and the application servers: one backend per behaviour, picked by the path.
# Only routing lives here; vcl_synth / vcl_backend_error stay builtin so the error pages are stock.
vcl 4.1;

import std;

# first_byte_timeout is cut from 60 s to 3 s so the hang scenario ends quickly.
backend refused     { .host = "127.0.0.1"; .port = "18001"; .first_byte_timeout = 3s; }
backend hang        { .host = "127.0.0.1"; .port = "18002"; .first_byte_timeout = 3s; }
backend reset       { .host = "127.0.0.1"; .port = "18003"; .first_byte_timeout = 3s; }
backend close       { .host = "127.0.0.1"; .port = "18004"; .first_byte_timeout = 3s; }
backend garbage     { .host = "127.0.0.1"; .port = "18005"; .first_byte_timeout = 3s; }
backend bad_header  { .host = "127.0.0.1"; .port = "18015"; .first_byte_timeout = 3s; }
backend huge_header { .host = "127.0.0.1"; .port = "18006"; .first_byte_timeout = 3s; }
backend app_502     { .host = "127.0.0.1"; .port = "18008"; .first_byte_timeout = 3s; }
backend app_503     { .host = "127.0.0.1"; .port = "18009"; .first_byte_timeout = 3s; }

# Health-probed dead backend: the probe marks it sick, so Varnish never even tries to connect.
backend all_down {
    .host = "127.0.0.1"; .port = "18021";
    .probe = { .url = "/"; .interval = 500ms; .timeout = 300ms; .window = 1; .threshold = 1; .initial = 0; }
}

# At most one connection to the slow upstream: a concurrent second fetch fails as "busy".
backend rate_limit  { .host = "127.0.0.1"; .port = "18012"; .max_connections = 1; .first_byte_timeout = 3s; }

# Plain HTTP to a TLS port (Varnish speaks no TLS to backends, so only this direction exists).
backend plain_to_tls { .host = "127.0.0.1"; .port = "18019"; .first_byte_timeout = 3s; }

# gunicorn and uWSGI's HTTP router (README.md has the ports and states).
backend gunicorn_main           { .host = "127.0.0.1"; .port = "18041"; .first_byte_timeout = 3s; }
backend gunicorn_down           { .host = "127.0.0.1"; .port = "18040"; .first_byte_timeout = 3s; }
backend gunicorn_slow           { .host = "127.0.0.1"; .port = "18042"; .first_byte_timeout = 3s; }
backend gunicorn_worker_timeout { .host = "127.0.0.1"; .port = "18043"; .first_byte_timeout = 3s; }
backend gunicorn_single         { .host = "127.0.0.1"; .port = "18044"; .first_byte_timeout = 3s; }
backend uwsgi_http_main         { .host = "127.0.0.1"; .port = "18052"; .first_byte_timeout = 3s; }
backend uwsgi_http_single       { .host = "127.0.0.1"; .port = "18054"; .first_byte_timeout = 3s; }
backend uwsgi_http_no_app       { .host = "127.0.0.1"; .port = "18056"; .first_byte_timeout = 3s; }

sub vcl_recv {
    # pass: never cache, so every capture really goes to the backend.
    if      (req.url ~ "^/refused")     { set req.backend_hint = refused; }
    else if (req.url ~ "^/hang")        { set req.backend_hint = hang; }
    else if (req.url ~ "^/reset")       { set req.backend_hint = reset; }
    else if (req.url ~ "^/close")       { set req.backend_hint = close; }
    else if (req.url ~ "^/garbage")     { set req.backend_hint = garbage; }
    else if (req.url ~ "^/bad-header")  { set req.backend_hint = bad_header; }
    else if (req.url ~ "^/huge-header") { set req.backend_hint = huge_header; }
    else if (req.url ~ "^/app-502")     { set req.backend_hint = app_502; }
    else if (req.url ~ "^/app-503")     { set req.backend_hint = app_503; }
    else if (req.url ~ "^/all-down")    { set req.backend_hint = all_down; }
    else if (req.url ~ "^/rate-limit")  { set req.backend_hint = rate_limit; }
    else if (req.url ~ "^/plain-to-tls") { set req.backend_hint = plain_to_tls; }
    else if (req.url ~ "^/gunicorn-down")           { set req.backend_hint = gunicorn_down; }
    else if (req.url ~ "^/gunicorn-slow")           { set req.backend_hint = gunicorn_slow; }
    else if (req.url ~ "^/gunicorn-worker-timeout") { set req.backend_hint = gunicorn_worker_timeout; }
    else if (req.url ~ "^/gunicorn-exhausted")      { set req.backend_hint = gunicorn_single; }
    else if (req.url ~ "^/gunicorn-")               { set req.backend_hint = gunicorn_main; }
    else if (req.url ~ "^/uwsgi-http-exhausted")    { set req.backend_hint = uwsgi_http_single; }
    else if (req.url ~ "^/uwsgi-http-no-app")       { set req.backend_hint = uwsgi_http_no_app; }
    else if (req.url ~ "^/uwsgi-http-")             { set req.backend_hint = uwsgi_http_main; }
    else { return (synth(404, "Not Found")); }
    return (pass);
}
