<?php
// Headers and part of the body are flushed to the gateway, then the worker is killed (SIGKILL, as by the OOM killer).
header('Content-Type: text/html; charset=utf-8');
echo str_repeat("<p>order line</p>\n", 200);
ob_flush(); // past Debian's output_buffering = 4096
flush();
posix_kill(getmypid(), 9); // SIGKILL (the pcntl constants are CLI-only)
