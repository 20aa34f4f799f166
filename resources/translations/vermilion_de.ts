<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Base64Format</name>
    <message>
        <source>padding “=” in the middle, at byte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>byte 0x%1 at offset %2 is not in the base64 alphabet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it mixes the standard (+/) and URL-safe (-_) alphabets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its length or padding is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the padding is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last character carries bits that no encoder sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid base64: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is written in URL-safe or unpadded base64; saving from this view would rewrite it in standard base64. Edit it in the text view instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarmineQueue</name>
    <message>
        <source>v1 (Carmine 2.x-3.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 (Carmine 3.3+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete reply for queue %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: queue %1 was not cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue %1 was not cleared: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queue %1 cleared: %n key(s) deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
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
    <name>GzipFormat</name>
    <message>
        <source>gzip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HexFormat</name>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: “%1” at line %2, column %3 is not a hex digit. Only hex digits are read; an offset ending in “:” and the text after “|” are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the hex digits are odd in number, so the last byte is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonFormat</name>
    <message>
        <source>the value is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one value at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 has more digits than JSON editing keeps exactly (integers up to 64 bits, 15 significant digits otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An object has the same key twice; only the last one would be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON: %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The JSON view is read-only for this value; edit it in the text view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: invalid JSON at %1 (%2). JSON values are validated on save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1. Save it from the text view instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyOperations</name>
    <message>
        <source>Keys of type %1 cannot be created here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key with this name exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key does not exist any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key with the new name exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key had no expiry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyspaceNotifications</name>
    <message>
        <source>Keyspace notifications are off on this server (notify-keyspace-events is empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notify-keyspace-events is &quot;%1&quot;: no event class is selected, so nothing is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notify-keyspace-events is &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>This connection is read-only: lock %1 was not released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1 was not released: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1 released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1 was not released: its owner changed since the last refresh (or it was released already). Refresh to see who holds it now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lz4Format</name>
    <message>
        <source>LZ4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an LZ4 frame: the value does not start with the magic number 04 22 4d 18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to decompress the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated LZ4 frame at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected bytes after the LZ4 frame, at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted LZ4 frame header at byte %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted LZ4 frame at byte %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted LZ4 frame at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LZ4 compression failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoryAnalysis</name>
    <message>
        <source>(no namespace)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageStatusText</name>
    <message>
        <source>Not in the queue any more (handled and garbage-collected, or cleared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a worker, skipped until its backoff ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker holds it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker holds it now; it will be queued again when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled (successfully or not: a handler that threw is also done), waiting for garbage collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled, waiting for garbage collection after its dedupe backoff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled; will be queued again once its backoff ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorParser</name>
    <message>
        <source>Argument %1 does not start with a quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backslash ends the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A \x escape without two hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown escape \%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argument %1 has no closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments must be separated by one space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line holds no command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line does not start with a time stamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time stamp is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No [database client] after the time stamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database number in the brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No closing bracket before the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client in the brackets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MsgPackFormat</name>
    <message>
        <source>The MessagePack value is too large to show as text (over 64 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated MessagePack data at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length %1 declared at byte %2 exceeds the %3 bytes that remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MessagePack data nests deeper than %1 levels (at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 declared at byte %2 has %3 entries, more than the %4 bytes that remain can hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byte 0x%1 at offset %2 is not a MessagePack type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MessagePack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected bytes after the MessagePack value, at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MessagePack is shown read-only: its text form cannot be written back without losing types (integer and float widths, str versus bin, extensions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MessagePack values cannot be saved from their text form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NippyFormat</name>
    <message>
        <source>Truncated Nippy LZ4 data: the 4-byte length is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy LZ4 data: %1 bytes cannot expand to the declared %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy LZ4 data: the block does not decompress to the declared %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Snappy data: the length header is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Snappy data: %1 bytes cannot expand to the declared %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Snappy data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Zstandard data: not a Zstandard frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to decompress the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Zstandard data (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected bytes after the Nippy Zstandard frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated Nippy Zstandard data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Nippy Zstandard data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nippy is shown read-only as EDN: Vermilion cannot write Nippy back from EDN text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Nippy header (&quot;NPY&quot;) at offset %1: this may be headerless or legacy Nippy v1 data, which Vermilion does not guess at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated Nippy data: nothing follows the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown Nippy header meta byte %1 at offset %2: data frozen by a newer Nippy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Nippy value is compressed with LZMA2, which Vermilion does not support; it is shown in hex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Nippy value is encrypted (AES-128, header meta byte %1): it cannot be decoded without the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Nippy value uses a custom compressor or encryptor (header meta byte %1), which Vermilion cannot decode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of the decompressed data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nippy (Clojure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected bytes after Carmine&apos;s nil marker, at offset 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Nippy value is too large to show as text (over 16 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; Carmine raw bytes (marker \0&lt;), %n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not Nippy: no Carmine marker and no &quot;NPY&quot; header. Headerless or legacy Nippy v1 data is not decoded, because it cannot be told from other bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nippy values cannot be saved from their EDN text: Vermilion cannot write Nippy back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NippyReader</name>
    <message>
        <source>Unexpected bytes after the Nippy value, at offset %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated Nippy data: it ends at offset %1 in the middle of a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Nippy value is too large to show as text (over 16 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative length %1 at offset %2 in the Nippy data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length %1 declared at offset %2 exceeds the %3 bytes that remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Nippy data nests deeper than %1 levels (at offset %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported Nippy type %1 at offset %2 (#nippy/unsupported %1): Vermilion shows only Clojure&apos;s core data types.</source>
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
    <name>SnappyFormat</name>
    <message>
        <source>Snappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Snappy block: the length at its start is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted or truncated Snappy block: it does not decompress to the %1 bytes its header declares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Snappy block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snappy compression failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not valid UTF-8 text (byte 0x%1 at offset %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZlibFormat</name>
    <message>
        <source>zlib</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZstdFormat</name>
    <message>
        <source>Zstandard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Zstandard frame: the value does not start with the magic number 28 b5 2f fd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to decompress the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected bytes after the Zstandard data, at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Zstandard frame needs a window above 64 MiB, more than Vermilion allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Zstandard data: the checksum of the frame ending at byte %1 does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Zstandard data at byte %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated Zstandard frame at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrupted Zstandard data at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zstandard compression failed (%1).</source>
        <translation type="unfinished"></translation>
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
    <name>vermilion::BulkKeyJob</name>
    <message>
        <source>The time to live must be at least one millisecond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed before the job could finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered SCAN with something that is not a cursor and a list of keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 with something that is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ChannelDiscoveryModel</name>
    <message>
        <source>...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the channels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count the subscribers: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ClientListModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::CommandStatsModel</name>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per call (µs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
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
    <message>
        <source>encoded values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carmine and Zato locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carmine queues and Tundra</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::HandlerRuleModel</name>
    <message>
        <source>Every message no other rule takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A glob pattern: the messages of this PSUBSCRIBE pattern, and channels it matches that no exact rule takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages of this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>1 per %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Channel or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate /s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::HashModel</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::InfoPoller</name>
    <message>
        <source>INFO gave an unexpected answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::KeyInfoLoader</name>
    <message>
        <source>No reply from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::KeyScanWorker</name>
    <message>
        <source>Loading the keys failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered SCAN with something unexpected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::KeyTreeModel</name>
    <message>
        <source>1 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ListModel</name>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::LockEventWatcher</name>
    <message>
        <source>Live events are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening for keyspace events; whether the server sends them is unknown (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer to CONFIG GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: keyspace events update locks at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace events are partly on (&quot;%1&quot;): lock changes need K with $, g and x (or A). Periodic refresh only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace notifications are off on this server: periodic refresh only (enable with CONFIG SET notify-keyspace-events KA).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::LockModel</name>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PTTL -1: this lock never expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ms left at the last refresh.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Never expires (PTTL -1): its holder set no timeout, so it is only released by hand. A bug in the holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired, not yet refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a string: not written by a lock library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::LockScanner</name>
    <message>
        <source>Scanning %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected reply to SCAN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading locks failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::MemoryAnalysis</name>
    <message>
        <source>The connection was closed before the analysis could finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered SCAN with something that is not a cursor and a list of keys.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::MessageModel</name>
    <message>
        <source>(not %1: %2)
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>subscribed (%n subscription(s) on this connection)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unsubscribed (%n subscription(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pattern subscribed (%n subscription(s) on this connection)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pattern unsubscribed (%n subscription(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(reconnected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::Monitor</name>
    <message>
        <source>Connection lost (%1); MONITOR started again. Commands in between were not seen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::MonitorModel</name>
    <message>
        <source>(reconnected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lua script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::PubSubPane</name>
    <message>
        <source>Cannot write the log file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more since the last notification)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Message on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::QueueListModel</name>
    <message>
        <source>Looking for queues failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading queue totals failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the totals of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the locks of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting with HSCAN: the queue has too many locks and backoffs for a quick script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting needs a script; this server or profile refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of &quot;requeue&quot; plus fields of &quot;messages-rq&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 only: the queue-wide polling backoff set when a worker found no work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (awaiting GC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EOQ backoff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::QueueMessageModel</name>
    <message>
        <source>Reading the messages of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Nippy-framed; shown as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoding...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirty key (mid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key in Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key PTTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evictable</source>
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
    <name>vermilion::ScanValueModel</name>
    <message>
        <source>The server sent an unexpected reply to %1.</source>
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
    <name>vermilion::SetModel</name>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::SlowlogModel</name>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command and arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::StreamModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stream entry needs at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::StringValue</name>
    <message>
        <source>The key &quot;%1&quot; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is now a %2, not a string; reopen it to see its new value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another transfer of this value is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an unexpected reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key changed while it was being read; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value changed on the server while it was being read (%1 bytes, now %2). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 bytes to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 bytes of this %2-byte value are loaded. Load the whole value before editing it, so that nothing beyond the preview is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::Subscriber</name>
    <message numerus="yes">
        <source>Connection lost at %1 (%2). Subscribed again to %n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n pattern(s); messages published in between were missed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vermilion::TundraEvictedModel</name>
    <message>
        <source>Reading carmine:tundra:evictable failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still in Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evicted from Redis; the application&apos;s ensure-ks restores it from the datastore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (evicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evictable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PTTL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ValueModel</name>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is now a %2, not a %3; reopen it to see its new value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ZSetModel</name>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::lua::FunctionLibraryModel</name>
    <message>
        <source>This connection is read-only: %1 is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FUNCTION LIST answered something unexpected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 library, 1 function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 library, %2 functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library / function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::lua::ReplyTreeModel</name>
    <message>
        <source>(empty array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>bulk string (1 byte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bulk string (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... 1 more element not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... %1 more elements not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::lua::ScriptCacheModel</name>
    <message>
        <source>SCRIPT EXISTS answered something unexpected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: loading scripts into the server&apos;s cache is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: SCRIPT FLUSH is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses named variables (_:name): the SHA-1 sent depends on the inputs; this is the file&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server cache</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::lua::ScriptLibraryModel</name>
    <message>
        <source>A script needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script name cannot start or end with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script name cannot start with a dot (the file would be hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script name cannot contain &apos;/&apos;, &apos;\&apos; or NUL: it is a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out &quot;.lua&quot;: the file name gets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script name is limited to 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create or open the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library folder is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::lua::ScriptRunner</name>
    <message>
        <source>The script had already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has already written data and cannot be killed; it must run to its end (or the server be stopped with SHUTDOWN NOSAVE). Server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script was killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has been running for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ConflictDialog</name>
    <message>
        <source>The value changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed by someone else after you opened it, so your edit was not written. Compare both values and choose which one to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(remove it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(it no longer exists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(only the first %1 of %2 are shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current value on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep theirs (reload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (keep editing)</source>
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
    <name>vermilion::ui::DashboardChart</name>
    <message>
        <source>%1 at %2: %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::DashboardPanel</name>
    <message>
        <source>Poll every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause while hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history as &amp;CSV...</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maxmemory policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cmd/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maxmemory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace hit ratio (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network (KB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (% of one core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user + system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys per database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired and evicted keys per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search fields and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INFO by section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;set slow log...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slow log is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill client...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>db%1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db%1 with expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INFO is not available (%1), so charts and cards cannot update. The other tables still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, behind %3 bytes, lag %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replica is not online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>master, %n replicas</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>replica of %1:%2, link %3, offset %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to the master is down: this replica is not receiving writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDB %1, last save %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last background save failed: the data on disk is out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AOF on (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AOF off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last AOF write failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High fragmentation: RSS is %1 times the memory in use. Consider activedefrag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n keys were evicted because memory reached maxmemory.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 connected, %2 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections were rejected: maxclients was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset slow log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every slow log entry on the server? Other users of this server lose them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client to kill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the connection of client %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ElementDialog</name>
    <message>
        <source>Binary bytes are written as \xHH, a newline as \n, a backslash as \\.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::HashEditor</name>
    <message>
        <source>The field &quot;%1&quot; is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the field &quot;%1&quot; from this hash?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::KeyBrowserPanel</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database (keys from INFO keyspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server filter: glob such as app:user:* (SCAN MATCH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only keys of this type (SCAN TYPE, Redis 6 and later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the keys again with these filters (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many keys to load before asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load at most %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded keys (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open key by exact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the key (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set or remove the expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key name (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the value again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the key (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to see its value.

F5 reloads the keys, Ctrl+F filters them, F2 renames, Delete deletes, Ctrl+N creates a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys matching, %2 in the db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first %1 keys of %2. Load more, or narrow the server filter; any key can also be opened by its exact name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stopped: %1 keys loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no key named %1 (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 was deleted or changed type while it was open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1 (binary bytes as \xHH):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key named %1 exists already. Replace it with %2? Its current value is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from %2? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire %1 after how many seconds? 0 removes the expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire every key of %1 after how many seconds? 0 removes the expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TTL...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Key in Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze Memory of Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TTL on Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keys matching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Keys Matching the Pattern...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TTL on Keys Matching the Pattern...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze Memory of Keys Matching the Pattern...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze Memory of Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::KeyJobDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biggest keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the memory of %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the memory of %1: %2 keys so far...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the keys of %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key matches %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 keys of %2? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a TTL of %1 on %2 keys of %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TTL on %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the TTL of %1 keys of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove TTL of %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of about %2 keys done...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1 keys were deleted before the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1 keys were changed before the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 keys, %3 in total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ListEditor</name>
    <message>
        <source>Push tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The element at index %1 is not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push at the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push at the tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the element to insert next to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert before index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert after index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the element at index %1 from this list?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::LocksPanel</name>
    <message>
        <source>Lock inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched key patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key patterns to watch, separated by spaces (SCAN MATCH syntax). Carmine uses carmine:lock:*, Zato zato:lock:*; other libraries use other prefixes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between refreshes; off = refresh by hand (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag locks with less time left than this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by lock, key or owner (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the locks again now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the lock if it still has the owner shown (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key in the key browser (Ctrl+Enter, or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patterns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soon under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: select a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live events: checking the server...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: locks cannot be released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pattern to watch: type at least one, e.g. carmine:lock:*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading locks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lock(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without expiry</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>refreshed at %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1 (since this panel opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner of %1 copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: lock %1 was not released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a string: it is not a lock as Carmine writes one, so it is not released here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release lock %1?

Key: %2
Owner shown: %3

The key is deleted only if it still has this owner. The holder may still be working: releasing its lock lets another worker in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::LuaPanel</name>
    <message>
        <source>Scripts, cache and functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lua script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs and result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiled script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lua status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running... %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 Kill it with &quot;Kill script&quot; or wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run script with EVAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the script with EVAL (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run script with EVALSHA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EVALSHA of the script&apos;s SHA-1; the full text follows with EVAL only if the server answers NOSCRIPT (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the running script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCRIPT KILL (FUNCTION KILL for a function), sent on a separate connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-1 of the compiled script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the SHA-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SHA-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: EVAL_RO / EVALSHA_RO / FCALL_RO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: scripts run with the read-only commands, and loading, flushing and deleting are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-1 copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open any folder of .lua files, e.g. Zato&apos;s config/repo/lua/user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh script cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load all scripts into the server cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCRIPT LOAD of every script in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;lush...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush the server&apos;s script cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCRIPT FLUSH: the server forgets every cached script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the script cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 library scripts are in the server&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with FCALL_R&amp;O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For functions flagged no-writes; always on for a read-only connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh function libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the library&apos;s code in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the editor&apos;s code as a function library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FUNCTION LOAD [REPLACE] of the editor&apos;s text (it must start with #!lua name=&lt;library&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the selected function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FCALL of the selected function with the inputs of the Inputs tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected function library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list functions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 libraries, %2 functions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values are bytes; type binary as redis-cli does: \xff, \n, \&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named variables (_:name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every _:name of the script, as Carmine writes them. Tick &quot;Key?&quot; for key variables: they become KEYS[i], the others ARGV[i], numbered in this order; longer names are replaced first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named variables take the first KEYS / ARGV indexes; the lists follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARGV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a script to see its result here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply as redis-cli prints it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved in the library yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: a key (KEYS); not ticked: an argument (ARGV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEYS: %1
ARGV: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax error on line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script is still running: wait for it or kill it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a function library (#!lua name=...): load it from the Functions tab, then call its functions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: syntax error on line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a function in the Functions tab to call it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Kill it with &quot;Kill script&quot; or wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server to kill the script...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the server answered NOSCRIPT to EVALSHA, so the text was sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error on line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: %1 (%2 scripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The untitled script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them before you %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script name (the file is &lt;name&gt;.lua in %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A script named &quot;%1&quot; exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a new script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a script to rename.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a script to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the script &quot;%1&quot; (%2)? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed by another program. Reload it and lose your edits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed on disk; your edits are kept (saving overwrites the file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded &quot;%1&quot;: it was changed on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted or renamed on disk; the text is kept here: save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: SCRIPT FLUSH is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush script cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every script from the server&apos;s cache (SCRIPT FLUSH)? Clients that use EVALSHA will get NOSCRIPT until they load their scripts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a function library to open its code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the library &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the code of the function library &quot;%1&quot;. Edit it and press &quot;Load editor&quot; to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A function library starts with a line like: #!lua name=mylib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: FUNCTION LOAD is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace function library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the library &quot;%1&quot; on the server with the editor&apos;s code (FUNCTION LOAD REPLACE)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded the function library &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a function library to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: FUNCTION DELETE is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete function library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the library &quot;%1&quot; and all its functions from the server (FUNCTION DELETE)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the function library &quot;%1&quot;.</source>
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
    <name>vermilion::ui::ModuleTypeEditor</name>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key holds a module type that Vermilion cannot show or edit. Its TTL can still be changed, and it can be renamed or deleted from the key browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::MonitorPanel</name>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;MONITOR costs the server throughput.&lt;/b&gt; The server sends every command it runs, from every client, to this connection: a busy server can lose half of its throughput or more while MONITOR runs. Start it for short investigations and stop it when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MONITOR warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start MONITOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a MONITOR connection (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the MONITOR connection (Shift+F5); what was captured stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the view; lines keep being received and counted (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the view (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown lines as JSON lines or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands: get, set, hget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pattern: user:*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by key pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Redis glob matched against every argument after the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: 10.0.0.5, unix, lua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines received · %2 shown · %3 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused, %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commands/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export MONITOR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::NewKeyDialog</name>
    <message>
        <source>New Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary bytes can be typed as \xHH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;TL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Element:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score must be a number.</source>
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
    <name>vermilion::ui::PubSubPaneWidget</name>
    <message>
        <source>Close this pane (its subscriber connection closes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel or pattern (news.*, __keyspace@0__:*) — Enter to subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel or pattern to subscribe to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSUBSCRIBE even without glob characters; text with *, ? or [ is always a pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe from the selected channel or pattern (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler rules: pattern rule, else channel rule, else *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a rule for a channel, a pattern or *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the rule up (glob rules are tried in table order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the view; messages keep being received and counted (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the view and its counters (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search channel, pattern or payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected messages as JSON lines (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown messages as JSON lines or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append every message of this pane to a JSON-lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages kept in the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view keeps the newest messages; older ones are dropped and counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected message, decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see its payload decoded in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pub/sub pane %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a channel name or a pattern first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a subscription to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pattern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscriptions yet: type a channel or pattern above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received · %2 shown · %3 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused, %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · filtered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · logging to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a rule to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append this rule&apos;s messages to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append every message of this pane to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select messages to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n message(s) as JSON lines.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vermilion::ui::PubSubPanel</name>
    <message>
        <source>Pub/sub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pane with its own subscriber connection (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per key (__keyspace@db__:*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys per event (__keyevent@db__:*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pane on the keyspace notifications of the current database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabbed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the server&apos;s active channels (PUBSUB CHANNELS, NUMSUB, NUMPAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show the notifications of rules that ask for them in the system tray (at most one every %n second(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pane yet. &quot;New pane&quot; opens one with its own subscriber connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern (empty: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a channel to subscribe to it in the current pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pattern subscription(s) (NUMPAT)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel to publish on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (\xff escapes for bytes) — Ctrl+Enter to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUBLISH the message (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: publishing is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a channel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: this connection is read-only, so nothing is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Received by %n subscriber(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keyspace db %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key events db %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read notify-keyspace-events (%1): if notifications are off on the server, this pane stays empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pane receives nothing until the server sends %1 notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: CONFIG SET is refused. Enable notifications on the server another way (notify-keyspace-events in redis.conf) or use a profile that may write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable keyspace notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run CONFIG SET notify-keyspace-events %1 on %2?

The server then publishes an event for every change of every key, to every client that subscribes. This costs the server some CPU on write-heavy workloads and lasts until the server restarts (or CONFIG REWRITE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused CONFIG SET: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) held back by the rate limit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n more held back)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Vermilion pub/sub notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last notification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo channels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::QueuesPanel</name>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the queues and the shown messages again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected row&apos;s id and content (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key in the key browser: a Tundra row&apos;s key, else the queue&apos;s messages hash (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between refreshes of the totals and the first page; off = by hand (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carmine queues (carmine:mq:*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: queues cannot be cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by id or content (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the next page of messages (HSCAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear queue...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every key of this queue, as Carmine&apos;s clear-queues does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see its content as EDN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tundra: evictable keys (carmine:tundra:evictable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only keys missing from Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evicted keys: replicated to the datastore, gone from Redis, restorable by the application&apos;s ensure-ks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evictable keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Carmine queue on this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · showing %3 of %4 message(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirty keys shown: %1, missing from Redis: %2, evictable: %3. Evictable set: %4 member(s), %5 read, %6 missing from Redis (evicted, restorable by ensure-ks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is read-only: queue %1 was not cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clear queue %1?

Every key of this queue (carmine:mq:%1:*, as Carmine&apos;s clear-queues lists them) is deleted, with its %n message(s), including locked ones that workers are handling now. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clear queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::RuleDelegate</name>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
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
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pub/Sub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::SetEditor</name>
    <message>
        <source>Add a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set members cannot be changed in place: add the new member, then remove the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from this set?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::StreamEditor</name>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group / consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumers / idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No consumer groups (%n entries)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consumers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>idle %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One field and its value per line, separated by a space; quote them as in redis-cli when they contain spaces. The ID is chosen by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line needs a field and a value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream entries cannot be changed; add a new entry instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entry %1 from this stream?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::StringEditor</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the value and discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the value to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the value changed on the server. Your text is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first %1 of %2. Load the whole value to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preview is read-only: load the whole value to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the value before switching formats: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the whole value before editing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value cannot be edited in this format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::TableEditor</name>
    <message>
        <source>Editor message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the value changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter (glob: user:*, *session*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The element at index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ValueDetailPane</name>
    <message>
        <source>View as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell to see its whole value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ValueEditor</name>
    <message>
        <source>Overwrite the server&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value on the server was changed by someone else. Replace it with yours? Their change will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept the server&apos;s value; your edit was not written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vermilion::ui::ZSetEditor</name>
    <message>
        <source>By rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By score range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min (-inf, 1.5, (1.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max (+inf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from this sorted set?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
