<?php
// Healthy script: the control request, and the request that queues behind a busy pool.
// `?hold=N` sleeps N seconds first: capture.sh uses it to keep a pool's workers busy.
sleep((int) ($_GET['hold'] ?? 0));
echo "hello from PHP\n";
