<?php
// A PHP fatal error (call to an undefined function): php-fpm answers 500, or 200 with the message when display_errors is on.
echo_orders_from_database();
