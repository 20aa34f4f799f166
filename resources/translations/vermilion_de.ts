<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The database &quot;%1&quot; is not a number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL has no scheme: it must start with redis://, rediss:// or unix://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use redis://, rediss:// or unix://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unix:// URL needs an absolute socket path, e.g. unix:///run/redis/redis.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unix:// URL takes no host: write unix:///path/to/redis.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in the URL is not a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedisText</name>
    <message>
        <source>Unbalanced quotes in the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closing quote must be followed by a space (column %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reply</name>
    <message>
        <source>nil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>... (%n more bytes not shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... (%n more elements not shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Vermilion, a desktop administration tool for Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server to connect to: redis://[user[:password]@]host[:port][/db], rediss://... or unix:///path.sock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a private redis-server with demo data and connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::Connection</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ConnectionListModel</name>
    <message>
        <source>Read-only: write commands are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: a private server with demo data, gone when the app exits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ConnectionWorker</name>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client certificate %1 or its key %2 could not be read as PEM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused by %1: no server is listening there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host &quot;%1&quot; was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot talk to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot select database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server requires a password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: this connection is read-only and %1 changes data on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: this connection is read-only and the server&apos;s command table (COMMAND) could not be read to tell whether %1 writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: this connection is read-only and the server does not know the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1 (%2). The command was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent data that is not Redis protocol (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Redis server: it answered with something other than the Redis protocol (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply from %1 within %2 ms: the server may be busy, paused or unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not answer like a Redis server within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out after %2 ms connecting to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection during the handshake. Is it a Redis server, and does it expect TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The command was sent but its reply never came: it may or may not have run, and it was not retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The command was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Reconnecting in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::DemoSeeder</name>
    <message>
        <source>keys of every type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>big values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding demo data (%1) failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::RedisServerProcess</name>
    <message>
        <source>Cannot create a temporary directory for redis-server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found in PATH. Install Redis (on Debian: apt-get install redis-server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free TCP port on 127.0.0.1 for redis-server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis-server could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis-server exited before it was ready (%1 %2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed, signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis-server did not become ready within %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::Sandbox</name>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a private redis-server...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demo data: %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox ready on %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::SecretStore</name>
    <message>
        <source>The system keychain is not used in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain answered (%1). The password is kept for this run only and will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused the password (%1). It is kept for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a redis://, rediss:// or unix:// URL to fill the fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Production cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP (host and port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Redis socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Socket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name (SNI):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify the server certificate and host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning this off accepts any certificate: anyone on the path can read and change the traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only: refuse every command that changes data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands are classified with the server&apos;s own COMMAND flags; write commands are refused before they are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups keys into folders in the key browser: app:user:1 with &quot;:&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with these settings and report what happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the socket path first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a host first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. The server did not tell its version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Redis %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standalone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the path of the server&apos;s Unix socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ConnectionItemDelegate</name>
    <message>
        <source>sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ConsolePanel</name>
    <message>
        <source>Console output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies appear here. Up and Down walk through earlier commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command, e.g. SCAN 0 MATCH app:* COUNT 100, and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 cannot be undone. Run it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::MainWindow</name>
    <message>
        <source>Vermilion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Vermilion&lt;/h2&gt;&lt;p&gt;Select a connection on the left and press Enter, create a new one, or try everything on a private sandbox server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-trip latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to &amp;URL...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete Connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Server Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vermilion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-trip time of PING on the interactive connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1): a password is kept for this run only and asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is stored in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; (%2)? Its saved password is removed from the keychain too. The server and its data are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis://[user[:password]@]host[:port][/db], rediss://... or unix:///path/to/redis.sock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox needs redis-server, which is not in PATH. Install it (on Debian: apt-get install redis-server) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox ready on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Vermilion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vermilion %1&lt;/h3&gt;&lt;p&gt;A native desktop administration tool for Redis.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and hiredis.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::OverviewPanel</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ops/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace by database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer INFO (an ACL rule may forbid it), so there is nothing to show here. The other tools still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AOF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDB last save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database this connection uses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::SessionWorkspace</name>
    <message>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
