<?php
// The php-fpm worker dies of SIGSEGV before writing anything (as a crashing extension would).
posix_kill(getmypid(), 11); // SIGSEGV (the pcntl constants are CLI-only)
