"""The WSGI application behind the capture's gunicorn and uWSGI servers: one behaviour per way an app server fails.

A gateway forwards /<scenario> (e.g. /gunicorn-worker-timeout); the behaviour is picked by how that last path
segment ends (`...-slow`, `...-worker-timeout` and `...-harakiri` all sleep), anything else is the healthy answer.
"""
import os
import signal
import time

from flask import Flask, jsonify, request

SLOW_SECONDS = 5  # longer than every gateway's 3 s upstream timeout and than the app servers' own 1 s limits

flask_app = Flask(__name__)


@flask_app.get('/ok')
def ok():
    # ?hold=N: capture.sh keeps the only worker busy with this while it captures the next request.
    time.sleep(int(request.args.get('hold', 0)))
    return 'hello from the WSGI app\n'


@flask_app.get('/slow')
def slow():
    time.sleep(SLOW_SECONDS)
    return 'hello from the WSGI app, after a long wait\n'


@flask_app.get('/flask-exception')
def flask_exception():
    # Flask catches this and answers its own (Werkzeug) 500 page.
    raise RuntimeError('could not reach the orders database')


@flask_app.get('/json-error')
def json_error():
    # What an API's own error handler answers.
    return jsonify(error='internal_error', message='could not reach the orders database'), 500


@flask_app.get('/killed')
def killed():
    # The worker dies mid-request, as under the kernel's OOM killer: no response at all.
    os.kill(os.getpid(), signal.SIGKILL)


# last path segment ends with -> Flask route
BEHAVIOURS = {
    '-slow': '/slow',
    '-worker-timeout': '/slow',
    '-harakiri': '/slow',
    '-flask-exception': '/flask-exception',
    '-json-error': '/json-error',
    '-killed': '/killed',
}


def application(environ, start_response):
    """WSGI entry point for gunicorn (`wsgi_app:application`) and uWSGI (`--module wsgi_app:application`)."""
    # The whole path: lighttpd's mod_scgi puts it in SCRIPT_NAME, the others in PATH_INFO.
    path = environ.get('SCRIPT_NAME', '') + environ.get('PATH_INFO', '')
    scenario = path.rstrip('/').rsplit('/', 1)[-1]
    if scenario.endswith('-unhandled-exception'):
        # No framework catches this: the application server itself must answer.
        raise RuntimeError('could not reach the orders database')
    environ['SCRIPT_NAME'] = ''
    environ['PATH_INFO'] = next((route for end, route in BEHAVIOURS.items() if scenario.endswith(end)), '/ok')
    return flask_app.wsgi_app(environ, start_response)
