SELECT session_version, active FROM users WHERE id = $1;
