<?php
// Sleeps past every gateway's 3 s FastCGI timeout (and past request_terminate_timeout in the "terminate" pool).
sleep(5);
echo "hello from PHP, after a long wait\n";
