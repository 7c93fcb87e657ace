<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>A live cluster simulator for learning system design.</source>
        <translation>Ein Live-Cluster-Simulator zum Erlernen des Systementwurfs.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later: you may share and change it under its terms. It comes with NO WARRANTY.</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder neuer: Sie dürfen sie unter deren Bedingungen weitergeben und verändern. Sie wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Danksagungen</translation>
    </message>
    <message>
        <source>The linearizability checker is tested against real Jepsen histories (etcd) and key-value histories from the test data of Porcupine, by Anish Athalye, used under the MIT licence:</source>
        <translation>Die Linearisierbarkeitsprüfung wird an echten Jepsen-Historien (etcd) und Schlüssel-Wert-Historien aus den Testdaten von Porcupine (von Anish Athalye) getestet, verwendet unter der MIT-Lizenz:</translation>
    </message>
    <message>
        <source>About ClusterSim</source>
        <translation>Über ClusterSim</translation>
    </message>
    <message>
        <source>&amp;About ClusterSim</source>
        <translation>Ü&amp;ber ClusterSim</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>%1 Knoten verschieben</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>%1 Knoten löschen</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Edit link %1-%2</source>
        <translation>Verbindung %1-%2 bearbeiten</translation>
    </message>
    <message>
        <source>Edit the scenario</source>
        <translation>Szenario bearbeiten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Concept &amp;Lessons</source>
        <translation>Konzept-&amp;Lektionen</translation>
    </message>
    <message>
        <source>&amp;Interview Questions</source>
        <translation>&amp;Interviewfragen</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies the next time ClusterSim starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von ClusterSim.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot encode the image</source>
        <translation>%1: Das Bild kann nicht kodiert werden</translation>
    </message>
    <message>
        <source>read → %1</source>
        <translation>lesen → %1</translation>
    </message>
    <message>
        <source>write %1</source>
        <translation>schreiben %1</translation>
    </message>
    <message>
        <source>cas %1 → %2</source>
        <translation>cas %1 → %2</translation>
    </message>
    <message>
        <source>get %1 → &quot;%2&quot;</source>
        <translation>get %1 → „%2“</translation>
    </message>
    <message>
        <source>put %1 = &quot;%2&quot;</source>
        <translation>put %1 = „%2“</translation>
    </message>
    <message>
        <source>append %1 += &quot;%2&quot;</source>
        <translation>append %1 += „%2“</translation>
    </message>
    <message>
        <source>add %1 += %2</source>
        <translation>add %1 += %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: instance #%2 of %3</source>
        <translation>%1: Instanz Nr. %2 von %3</translation>
    </message>
    <message>
        <source>%1: shard #%2 of %3</source>
        <translation>%1: Shard Nr. %2 von %3</translation>
    </message>
    <message>
        <source>warming</source>
        <translation>wärmt auf</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>leert sich</translation>
    </message>
    <message>
        <source>%1 (%2): drag the frame to move it</source>
        <translation>%1 (%2): Rahmen ziehen, um ihn zu verschieben</translation>
    </message>
    <message>
        <source>link %1 – %2</source>
        <translation>Verbindung %1 – %2</translation>
    </message>
    <message>
        <source>ClusterSim scenarios (*.clustersim.json);;JSON files (*.json);;All files (*)</source>
        <translation>ClusterSim-Szenarien (*.clustersim.json);;JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>kill %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>cut %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>heal %1</source>
        <translation>%1 reparieren</translation>
    </message>
    <message>
        <source>%1 → %2 req/s</source>
        <translation>%1 → %2 Anfr./s</translation>
    </message>
    <message>
        <source>add shard to %1</source>
        <translation>Shard zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>%L1 s: %2</source>
        <translation>%L1 s: %2</translation>
    </message>
</context>
<context>
    <name>RemovalPrompt</name>
    <message>
        <source>%1: %2 cleared (was %3)</source>
        <translation>%1: %2 geleert (war %3)</translation>
    </message>
    <message>
        <source>%1: %2 %3 becomes %4</source>
        <translation>%1: %2 %3 wird %4</translation>
    </message>
    <message>
        <source>%1: replicas without %2</source>
        <translation>%1: Replikate ohne %2</translation>
    </message>
    <message>
        <source>%1 %2, which cannot work without it</source>
        <translation>%1 %2, das ohne ihn nicht arbeiten kann</translation>
    </message>
    <message>
        <source>timeline at %1 s: %2</source>
        <translation>Zeitleiste bei %1 s: %2</translation>
    </message>
    <message>
        <source>lesson step %1: the action %2</source>
        <translation>Lektionsschritt %1: die Aktion %2</translation>
    </message>
    <message>
        <source>expectation &quot;%1&quot;</source>
        <translation>Erwartung „%1“</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Deleting %1 would leave a scenario that does not open again:
%2</source>
        <translation>Nach dem Löschen von %1 ließe sich das Szenario nicht wieder öffnen:
%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting %1 also removes what names it:</source>
        <translation>Das Löschen von %1 entfernt auch, was ihn nennt:</translation>
    </message>
    <message>
        <source>Undo brings all of it back.</source>
        <translation>Rückgängig stellt alles wieder her.</translation>
    </message>
    <message>
        <source>Delete all of it</source>
        <translation>Alles löschen</translation>
    </message>
    <message>
        <source>a new link %1-%2 (around what goes)</source>
        <translation>eine neue Verbindung %1-%2 (um das Gelöschte herum)</translation>
    </message>
</context>
<context>
    <name>cs::core::FieldTable</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesezugriffe</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Idempotency keys</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Retry-After</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>Read level</source>
        <translation>Lese-Level</translation>
    </message>
    <message>
        <source>Write level</source>
        <translation>Schreib-Level</translation>
    </message>
    <message>
        <source>Read your writes</source>
        <translation>Eigene Schreibvorgänge lesen</translation>
    </message>
    <message>
        <source>Monotonic reads</source>
        <translation>Monotones Lesen</translation>
    </message>
    <message>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>Static reads</source>
        <translation>Statische Lesezugriffe</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Health check every</source>
        <translation>Zustandsprüfung alle</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Verbraucher</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Ack timeout</source>
        <translation>Bestätigungs-Zeitlimit</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Cores (size)</source>
        <translation>Kerne (Größe)</translation>
    </message>
    <message>
        <source>per instance</source>
        <translation>pro Instanz</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Mean service time</source>
        <translation>Mittlere Bedienzeit</translation>
    </message>
    <message>
        <source>Lookup time</source>
        <translation>Nachschlagezeit</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Warteraum</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Parallel work</source>
        <translation>Parallele Arbeit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Datastore</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>Session store</source>
        <translation>Sitzungsspeicher</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Write queue</source>
        <translation>Schreibwarteschlange</translation>
    </message>
    <message>
        <source>Connection pool</source>
        <translation>Verbindungspool</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Batching</source>
        <translation>Stapelverarbeitung</translation>
    </message>
    <message>
        <source>Async I/O</source>
        <translation>Asynchrone E/A</translation>
    </message>
    <message>
        <source>Datastore timeout</source>
        <translation>Datenspeicher-Zeitlimit</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>R (reads)</source>
        <translation>R (Lesen)</translation>
    </message>
    <message>
        <source>W (writes)</source>
        <translation>W (Schreiben)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Reads from</source>
        <translation>Liest von</translation>
    </message>
    <message>
        <source>Quorum timeout</source>
        <translation>Quorum-Zeitlimit</translation>
    </message>
    <message>
        <source>Elections</source>
        <translation>Wahlen</translation>
    </message>
    <message>
        <source>Sharding</source>
        <translation>Sharding</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>On write</source>
        <translation>Beim Schreiben</translation>
    </message>
    <message>
        <source>Coalescing</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>Mehrheit</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>limit / 10</source>
        <translation>Grenze / 10</translation>
    </message>
    <message>
        <source>Where this client sends its requests</source>
        <translation>Wohin dieser Client seine Anfragen schickt</translation>
    </message>
    <message>
        <source>Poisson arrival rate</source>
        <translation>Poisson-Ankunftsrate</translation>
    </message>
    <message>
        <source>Share of requests that are reads</source>
        <translation>Anteil der Anfragen, die Lesezugriffe sind</translation>
    </message>
    <message>
        <source>How long the client waits before giving up on an attempt</source>
        <translation>Wie lange der Client wartet, bevor er einen Versuch aufgibt</translation>
    </message>
    <message>
        <source>Attempts after the first, with exponential backoff</source>
        <translation>Versuche nach dem ersten, mit exponentiellem Backoff</translation>
    </message>
    <message>
        <source>The datastore remembers each write&apos;s key and answers a retry with the first result instead of applying it again</source>
        <translation>Der Datenspeicher merkt sich den Schlüssel jedes Schreibvorgangs und beantwortet eine Wiederholung mit dem ersten Ergebnis, statt sie erneut anzuwenden</translation>
    </message>
    <message>
        <source>Wait as long as a 429&apos;s Retry-After says</source>
        <translation>So lange warten, wie das Retry-After einer 429-Antwort angibt</translation>
    </message>
    <message>
        <source>Replicas a read waits for (AP stores); default: the store&apos;s r</source>
        <translation>Replikate, auf die ein Lesezugriff wartet (AP-Speicher); Standard: das r des Speichers</translation>
    </message>
    <message>
        <source>Replicas a write waits for (AP stores); default: the store&apos;s w</source>
        <translation>Replikate, auf die ein Schreibvorgang wartet (AP-Speicher); Standard: das w des Speichers</translation>
    </message>
    <message>
        <source>Never read a value older than one this client wrote</source>
        <translation>Nie einen Wert lesen, der älter ist als einer, den dieser Client geschrieben hat</translation>
    </message>
    <message>
        <source>Never read a value older than one this client read</source>
        <translation>Nie einen Wert lesen, der älter ist als einer, den dieser Client gelesen hat</translation>
    </message>
    <message>
        <source>The edge that serves this client&apos;s static content</source>
        <translation>Der Edge-Knoten, der die statischen Inhalte dieses Clients ausliefert</translation>
    </message>
    <message>
        <source>Share of reads for static content, sent to the CDN</source>
        <translation>Anteil der Lesezugriffe auf statische Inhalte, die an das CDN gehen</translation>
    </message>
    <message>
        <source>How it picks an instance</source>
        <translation>Wie er eine Instanz auswählt</translation>
    </message>
    <message>
        <source>The service group it balances</source>
        <translation>Die Dienstgruppe, deren Last er verteilt</translation>
    </message>
    <message>
        <source>A dead instance is noticed only at the next check</source>
        <translation>Eine ausgefallene Instanz wird erst bei der nächsten Prüfung bemerkt</translation>
    </message>
    <message>
        <source>How long it waits for an instance&apos;s answer</source>
        <translation>Wie lange er auf die Antwort einer Instanz wartet</translation>
    </message>
    <message>
        <source>The service group that applies the queued writes</source>
        <translation>Die Dienstgruppe, die die eingereihten Schreibvorgänge ausführt</translation>
    </message>
    <message>
        <source>A full queue refuses writes (dropped)</source>
        <translation>Eine volle Warteschlange lehnt Schreibvorgänge ab (verworfen)</translation>
    </message>
    <message>
        <source>A message not acknowledged by then is delivered again (at-least-once)</source>
        <translation>Eine bis dahin nicht bestätigte Nachricht wird erneut zugestellt (mindestens einmal)</translation>
    </message>
    <message>
        <source>The instance size. Changing it while running is a vertical resize: each instance restarts and is down for its resize_downtime_s (30 s unless the file says otherwise).</source>
        <translation>Die Instanzgröße. Eine Änderung während des Laufs ist eine vertikale Skalierung: Jede Instanz startet neu und ist für ihre resize_downtime_s ausgefallen (30 s, sofern die Datei nichts anderes angibt).</translation>
    </message>
    <message>
        <source>How many instances run (manual scaling)</source>
        <translation>Wie viele Instanzen laufen (manuelle Skalierung)</translation>
    </message>
    <message>
        <source>Lookups served at once</source>
        <translation>Gleichzeitig bediente Nachschlagevorgänge</translation>
    </message>
    <message>
        <source>Time one request takes on one core</source>
        <translation>Zeit, die eine Anfrage auf einem Kern braucht</translation>
    </message>
    <message>
        <source>Time one lookup takes on one core</source>
        <translation>Zeit, die ein Nachschlagevorgang auf einem Kern braucht</translation>
    </message>
    <message>
        <source>Queue length per instance; a full queue drops at once</source>
        <translation>Warteschlangenlänge pro Instanz; eine volle Warteschlange verwirft sofort</translation>
    </message>
    <message>
        <source>Lookups that may wait; beyond, dropped</source>
        <translation>Nachschlagevorgänge, die warten dürfen; darüber hinaus verworfen</translation>
    </message>
    <message>
        <source>The datastore each request reads or writes</source>
        <translation>Der Datenspeicher, den jede Anfrage liest oder schreibt</translation>
    </message>
    <message>
        <source>Stateless instances fetch the session here: one more hop, and no session is lost with an instance</source>
        <translation>Zustandslose Instanzen holen die Sitzung hier: ein Sprung mehr, und mit einer Instanz geht keine Sitzung verloren</translation>
    </message>
    <message>
        <source>Reads look here first; a miss goes on to the datastore</source>
        <translation>Lesezugriffe suchen zuerst hier; ein Fehltreffer geht weiter zum Datenspeicher</translation>
    </message>
    <message>
        <source>Writes are acknowledged once queued; consumers apply them to the datastore later (write-behind)</source>
        <translation>Schreibvorgänge werden bestätigt, sobald sie eingereiht sind; Verbraucher schreiben sie später in den Datenspeicher (Write-behind)</translation>
    </message>
    <message>
        <source>Datastore connections per instance (0: unlimited); when all are busy requests wait</source>
        <translation>Datenspeicher-Verbindungen pro Instanz (0: unbegrenzt); sind alle belegt, warten Anfragen</translation>
    </message>
    <message>
        <source>Release the core while waiting for the datastore. Off: thread-per-request workers; a slow datastore backs the service up</source>
        <translation>Den Kern freigeben, während auf den Datenspeicher gewartet wird. Aus: ein Thread pro Anfrage; ein langsamer Datenspeicher staut den Dienst zurück</translation>
    </message>
    <message>
        <source>How long an instance waits for the datastore&apos;s answer</source>
        <translation>Wie lange eine Instanz auf die Antwort des Datenspeichers wartet</translation>
    </message>
    <message>
        <source>CP: a leader and majorities; refuses when cut off. AP: answers anywhere, may be stale, converges later</source>
        <translation>CP: ein Leader und Mehrheiten; lehnt ab, wenn abgeschnitten. AP: antwortet überall, eventuell veraltet, konvergiert später</translation>
    </message>
    <message>
        <source>Replicas a read waits for in AP mode; 0 = a majority</source>
        <translation>Replikate, auf die ein Lesezugriff im AP-Modus wartet; 0 = eine Mehrheit</translation>
    </message>
    <message>
        <source>Replicas a write waits for in AP mode; 0 = a majority. R + W &gt; N: no stale reads without faults</source>
        <translation>Replikate, auf die ein Schreibvorgang im AP-Modus wartet; 0 = eine Mehrheit. R + W &gt; N: ohne Fehler keine veralteten Lesezugriffe</translation>
    </message>
    <message>
        <source>Last writer wins (loses concurrent updates) or version vectors (keeps siblings)</source>
        <translation>Letzter Schreiber gewinnt (verliert nebenläufige Änderungen) oder Versionsvektoren (behält Geschwister)</translation>
    </message>
    <message>
        <source>CP: followers may answer reads themselves (allowed to be stale)</source>
        <translation>CP: Follower dürfen Lesezugriffe selbst beantworten (dürfen veraltet sein)</translation>
    </message>
    <message>
        <source>A coordinator that cannot reach enough replicas by then answers &apos;unavailable&apos;</source>
        <translation>Ein Koordinator, der bis dahin nicht genug Replikate erreicht, antwortet „nicht verfügbar“</translation>
    </message>
    <message>
        <source>PreVote and CheckQuorum. CP: a replica asks whether it could win before it raises its term, so one that rejoins after a partition does not depose a healthy leader</source>
        <translation>PreVote und CheckQuorum. CP: Ein Replikat fragt, ob es gewinnen könnte, bevor es seinen Term erhöht, damit eines, das nach einer Partition zurückkehrt, keinen gesunden Leader absetzt</translation>
    </message>
    <message>
        <source>Least recently used keys are evicted beyond this</source>
        <translation>Darüber hinaus werden die am längsten nicht genutzten Schlüssel verdrängt</translation>
    </message>
    <message>
        <source>What a completed write does to its key here; none: entries stay stale until their TTL</source>
        <translation>Was ein abgeschlossener Schreibvorgang hier mit seinem Schlüssel macht; none: Einträge bleiben bis zu ihrer TTL veraltet</translation>
    </message>
    <message>
        <source>One miss per key goes to the datastore. Off: after a restart every concurrent miss goes to the datastore (a thundering herd)</source>
        <translation>Ein Fehltreffer pro Schlüssel geht zum Datenspeicher. Aus: Nach einem Neustart geht jeder gleichzeitige Fehltreffer zum Datenspeicher (eine „Thundering Herd“)</translation>
    </message>
    <message>
        <source>Where admitted requests go</source>
        <translation>Wohin zugelassene Anfragen gehen</translation>
    </message>
    <message>
        <source>Token bucket: bucket size. Leaky bucket: how many may wait. 0: a tenth of the limit</source>
        <translation>Token-Bucket: Eimergröße. Leaky-Bucket: wie viele warten dürfen. 0: ein Zehntel der Grenze</translation>
    </message>
    <message>
        <source>Window algorithms: the span the limit covers</source>
        <translation>Fensteralgorithmen: die Zeitspanne, die die Grenze abdeckt</translation>
    </message>
    <message>
        <source>One limit for everyone, or one per client</source>
        <translation>Eine Grenze für alle oder eine pro Client</translation>
    </message>
</context>
<context>
    <name>cs::ui</name>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>angeboten</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>datastore ops</source>
        <translation>Datenspeicher-Ops</translation>
    </message>
    <message>
        <source>Errors by reason</source>
        <translation>Fehler nach Ursache</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>429</source>
        <translation>429</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Staleness and hits</source>
        <translation>Veraltung und Treffer</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>stale reads</source>
        <translation>veraltete Lesezugriffe</translation>
    </message>
    <message>
        <source>cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Instances and cost</source>
        <translation>Instanzen und Kosten</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>$/hour</source>
        <translation>$/Stunde</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>count (total)</source>
        <translation>Anzahl (gesamt)</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>session lost</source>
        <translation>Sitzung verloren</translation>
    </message>
    <message>
        <source>lost in flight</source>
        <translation>unterwegs verloren</translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation>verlorene Änderungen</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>stale p50</source>
        <translation>veraltet p50</translation>
    </message>
    <message>
        <source>stale p99</source>
        <translation>veraltet p99</translation>
    </message>
    <message>
        <source>instances, ×</source>
        <translation>Instanzen, ×</translation>
    </message>
    <message>
        <source>speed-up from cores</source>
        <translation>Beschleunigung durch Kerne</translation>
    </message>
    <message>
        <source>Queues, limits, shards</source>
        <translation>Warteschlangen, Grenzen, Shards</translation>
    </message>
    <message>
        <source>per s, messages</source>
        <translation>pro s, Nachrichten</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>passed (limiter)</source>
        <translation>durchgelassen (Begrenzer)</translation>
    </message>
    <message>
        <source>limited (limiter)</source>
        <translation>begrenzt (Begrenzer)</translation>
    </message>
    <message>
        <source>queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>keys migrating/s</source>
        <translation>wandernde Schlüssel/s</translation>
    </message>
    <message>
        <source>consumer lag</source>
        <translation>Verbraucher-Rückstand</translation>
    </message>
    <message>
        <source>%1 has no field %2</source>
        <translation>%1 hat kein Feld %2</translation>
    </message>
    <message>
        <source>%1.%2: %3</source>
        <translation>%1.%2: %3</translation>
    </message>
    <message>
        <source>%1 is not a replicated datastore</source>
        <translation>%1 ist kein replizierter Datenspeicher</translation>
    </message>
    <message>
        <source>A store&apos;s mode is CP or AP</source>
        <translation>Der Modus eines Speichers ist CP oder AP</translation>
    </message>
    <message>
        <source>%1 is not a service group</source>
        <translation>%1 ist keine Dienstgruppe</translation>
    </message>
    <message>
        <source>Unknown scaling policy %1</source>
        <translation>Unbekannte Skalierungsrichtlinie %1</translation>
    </message>
    <message>
        <source>The time must be between 0 and %1 s (the run&apos;s length)</source>
        <translation>Die Zeit muss zwischen 0 und %1 s liegen (der Länge des Laufs)</translation>
    </message>
    <message>
        <source>No link joins those nodes to the rest: nothing to cut</source>
        <translation>Keine Verbindung führt von diesen Knoten zum Rest: nichts zu trennen</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>0 (off) or %1 to %2</source>
        <translation>0 (aus) oder %1 bis %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 is true or false</source>
        <translation>%1 ist true oder false</translation>
    </message>
    <message>
        <source>%1 needs a number, not &quot;%2&quot;</source>
        <translation>%1 braucht eine Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 is a whole number</source>
        <translation>%1 ist eine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 = %2 is out of range: %3</source>
        <translation>%1 = %2 liegt außerhalb des Bereichs: %3</translation>
    </message>
    <message>
        <source>%1 is one of %2</source>
        <translation>%1 ist eines von %2</translation>
    </message>
    <message>
        <source>%1 cannot be changed here</source>
        <translation>%1 kann hier nicht geändert werden</translation>
    </message>
    <message>
        <source>There is no node %1</source>
        <translation>Es gibt keinen Knoten %1</translation>
    </message>
    <message>
        <source>B would not run: %1</source>
        <translation>B würde nicht laufen: %1</translation>
    </message>
    <message>
        <source>kill %1 at %2 s</source>
        <translation>%1 bei %2 s beenden</translation>
    </message>
    <message>
        <source>restart %1 at %2 s</source>
        <translation>%1 bei %2 s neu starten</translation>
    </message>
    <message>
        <source>cut %1–%2 at %3 s</source>
        <translation>%1–%2 bei %3 s trennen</translation>
    </message>
    <message>
        <source>heal %1–%2 at %3 s</source>
        <translation>%1–%2 bei %3 s reparieren</translation>
    </message>
    <message>
        <source>partition {%1} at %2 s</source>
        <translation>{%1} bei %2 s abtrennen</translation>
    </message>
    <message>
        <source>B: no change</source>
        <translation>B: keine Änderung</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChartsPanel</name>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>30 s</source>
        <translation>30 s</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>2 min</source>
        <translation>2 min</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>10 s</source>
        <translation>10 s</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show the last %1 of simulated time</source>
        <translation>Die letzten %1 simulierter Zeit zeigen</translation>
    </message>
    <message>
        <source>Show the whole run</source>
        <translation>Den ganzen Lauf zeigen</translation>
    </message>
    <message>
        <source>horizontal axes: simulated time %L1–%L2 s (zoomed; double-click a chart to follow the run)</source>
        <translation>waagerechte Achsen: simulierte Zeit %L1–%L2 s (gezoomt; Doppelklick auf ein Diagramm folgt wieder dem Lauf)</translation>
    </message>
    <message>
        <source>horizontal axes: seconds ago (simulated); drag on a chart to zoom</source>
        <translation>waagerechte Achsen: vor wie vielen Sekunden (simuliert); in einem Diagramm ziehen zoomt</translation>
    </message>
    <message>
        <source>horizontal axes: simulated time (s), whole run</source>
        <translation>waagerechte Achsen: simulierte Zeit (s), ganzer Lauf</translation>
    </message>
    <message>
        <source>%L1 s: %2</source>
        <translation>%L1 s: %2</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>%L1 s ago (t = %L2 s)</source>
        <translation>vor %L1 s (t = %L2 s)</translation>
    </message>
    <message>
        <source>%1: — (no request finished)</source>
        <translation>%1: — (keine Anfrage abgeschlossen)</translation>
    </message>
    <message>
        <source>%1: %L2</source>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <source>%1: %L2%</source>
        <translation>%1: %L2 %</translation>
    </message>
    <message>
        <source>B: </source>
        <translation>B: </translation>
    </message>
    <message>
        <source>%1: %2 (A), %3 (B)</source>
        <translation>%1: %2 (A), %3 (B)</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>horizontal axes: seconds ago (simulated), the run&apos;s %L1 s; drag on a chart to zoom</source>
        <translation>waagerechte Achsen: vor wie vielen Sekunden (simuliert), die %L1 s des Laufs; in einem Diagramm ziehen zoomt</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompareDialog</name>
    <message>
        <source>Compare with a Change</source>
        <translation>Mit einer Änderung vergleichen</translation>
    </message>
    <message>
        <source>A is the scenario as it is. B is A with the changes below. Both run side by side with the same seed (%1), in lock-step.</source>
        <translation>A ist das Szenario, wie es ist. B ist A mit den Änderungen unten. Beide laufen nebeneinander mit demselben Seed (%1), im Gleichschritt.</translation>
    </message>
    <message>
        <source>A node&apos;s field</source>
        <translation>Ein Feld eines Knotens</translation>
    </message>
    <message>
        <source>A store&apos;s mode (CP or AP)</source>
        <translation>Der Modus eines Speichers (CP oder AP)</translation>
    </message>
    <message>
        <source>A group&apos;s scaling policy</source>
        <translation>Die Skalierungsrichtlinie einer Gruppe</translation>
    </message>
    <message>
        <source>A timeline action</source>
        <translation>Eine Aktion der Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Add Change</source>
        <translation>Änderung &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>Änderung:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Changes in B:</source>
        <translation>Änderungen in B:</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>Replicated store</source>
        <translation>Replizierter Speicher</translation>
    </message>
    <message>
        <source>Mode in B</source>
        <translation>Modus in B</translation>
    </message>
    <message>
        <source>This scenario has no replicated store.</source>
        <translation>Dieses Szenario hat keinen replizierten Speicher.</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>Dienstgruppe</translation>
    </message>
    <message>
        <source>Policy in B</source>
        <translation>Richtlinie in B</translation>
    </message>
    <message>
        <source>A group without autoscaling gets min = its instances, max = 4x.</source>
        <translation>Eine Gruppe ohne Autoskalierung erhält min. = ihre Instanzen, max. = 4×.</translation>
    </message>
    <message>
        <source>Kill a node</source>
        <translation>Einen Knoten beenden</translation>
    </message>
    <message>
        <source>Restart a node</source>
        <translation>Einen Knoten neu starten</translation>
    </message>
    <message>
        <source>Cut a link</source>
        <translation>Eine Verbindung trennen</translation>
    </message>
    <message>
        <source>Heal a link</source>
        <translation>Eine Verbindung reparieren</translation>
    </message>
    <message>
        <source>Partition nodes from the rest</source>
        <translation>Knoten vom Rest abtrennen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Cut off</source>
        <translation>Abgetrennt</translation>
    </message>
    <message>
        <source>At (simulated)</source>
        <translation>Zeitpunkt (simuliert)</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
    <message>
        <source>now %1%2; accepted: %3%2</source>
        <translation>jetzt %1%2; erlaubt: %3%2</translation>
    </message>
    <message>
        <source>Choose a node and a field.</source>
        <translation>Wählen Sie einen Knoten und ein Feld.</translation>
    </message>
    <message>
        <source>Type the value B should have.</source>
        <translation>Geben Sie den Wert ein, den B haben soll.</translation>
    </message>
    <message>
        <source>Unknown field</source>
        <translation>Unbekanntes Feld</translation>
    </message>
    <message>
        <source>There is no replicated store.</source>
        <translation>Es gibt keinen replizierten Speicher.</translation>
    </message>
    <message>
        <source>There is no service group.</source>
        <translation>Es gibt keine Dienstgruppe.</translation>
    </message>
    <message>
        <source>There is no link.</source>
        <translation>Es gibt keine Verbindung.</translation>
    </message>
    <message>
        <source>Tick the nodes to cut off from the rest.</source>
        <translation>Haken Sie die Knoten an, die vom Rest abgetrennt werden.</translation>
    </message>
    <message>
        <source>&amp;Compare (no change)</source>
        <translation>&amp;Vergleichen (keine Änderung)</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompareTable</name>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Cost ($)</source>
        <translation>Kosten ($)</translation>
    </message>
    <message>
        <source>Datastore ops/s, max</source>
        <translation>Datenspeicher-Ops/s, max.</translation>
    </message>
    <message>
        <source>Datastore ops/s, mean</source>
        <translation>Datenspeicher-Ops/s, Mittel</translation>
    </message>
    <message>
        <source>Duplicate side effects</source>
        <translation>Doppelte Nebenwirkungen</translation>
    </message>
    <message>
        <source>Events processed</source>
        <translation>Verarbeitete Ereignisse</translation>
    </message>
    <message>
        <source>Instances, max</source>
        <translation>Instanzen, max.</translation>
    </message>
    <message>
        <source>Instances, mean</source>
        <translation>Instanzen, Mittel</translation>
    </message>
    <message>
        <source>Instances, min</source>
        <translation>Instanzen, min.</translation>
    </message>
    <message>
        <source>Late responses</source>
        <translation>Verspätete Antworten</translation>
    </message>
    <message>
        <source>Latency mean (ms)</source>
        <translation>Latenz Mittel (ms)</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <source>Latency p95 (ms)</source>
        <translation>Latenz p95 (ms)</translation>
    </message>
    <message>
        <source>Latency p99 (ms)</source>
        <translation>Latenz p99 (ms)</translation>
    </message>
    <message>
        <source>Latency p99.9 (ms)</source>
        <translation>Latenz p99,9 (ms)</translation>
    </message>
    <message>
        <source>Linearizable: checked</source>
        <translation>Linearisierbar: geprüft</translation>
    </message>
    <message>
        <source>Linearizable: unchecked ops</source>
        <translation>Linearisierbar: ungeprüfte Ops</translation>
    </message>
    <message>
        <source>Linearizable: unknown</source>
        <translation>Linearisierbar: unbekannt</translation>
    </message>
    <message>
        <source>Linearizable: violations</source>
        <translation>Linearisierbar: Verletzungen</translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation>Verlorene Updates</translation>
    </message>
    <message>
        <source>Messages lost</source>
        <translation>Verlorene Nachrichten</translation>
    </message>
    <message>
        <source>Queue depth, max</source>
        <translation>Warteschlangentiefe, max.</translation>
    </message>
    <message>
        <source>Stale reads (fraction)</source>
        <translation>Veraltete Lesezugriffe (Anteil)</translation>
    </message>
    <message>
        <source>Convergence after heal (ms)</source>
        <translation>Konvergenz nach Reparatur (ms)</translation>
    </message>
    <message>
        <source>Election time (ms)</source>
        <translation>Wahldauer (ms)</translation>
    </message>
    <message>
        <source>Elections</source>
        <translation>Wahlen</translation>
    </message>
    <message>
        <source>Unavailable time (ms)</source>
        <translation>Nicht verfügbare Zeit (ms)</translation>
    </message>
    <message>
        <source>Attempts (with retries)</source>
        <translation>Versuche (mit Wiederholungen)</translation>
    </message>
    <message>
        <source>Requests completed</source>
        <translation>Abgeschlossene Anfragen</translation>
    </message>
    <message>
        <source>Failed: dropped</source>
        <translation>Fehlgeschlagen: verworfen</translation>
    </message>
    <message>
        <source>Failed: lost in flight</source>
        <translation>Fehlgeschlagen: unterwegs verloren</translation>
    </message>
    <message>
        <source>Failed: rate limited (429)</source>
        <translation>Fehlgeschlagen: ratenbegrenzt (429)</translation>
    </message>
    <message>
        <source>Failed: session lost</source>
        <translation>Fehlgeschlagen: Sitzung verloren</translation>
    </message>
    <message>
        <source>Failed: timeout</source>
        <translation>Fehlgeschlagen: Zeitlimit</translation>
    </message>
    <message>
        <source>Failed: total</source>
        <translation>Fehlgeschlagen: gesamt</translation>
    </message>
    <message>
        <source>Failed: unavailable</source>
        <translation>Fehlgeschlagen: nicht verfügbar</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Anfragen unterwegs</translation>
    </message>
    <message>
        <source>Requests issued</source>
        <translation>Gestellte Anfragen</translation>
    </message>
    <message>
        <source>Responded (any answer)</source>
        <translation>Beantwortet (jede Antwort)</translation>
    </message>
    <message>
        <source>Scaling actions</source>
        <translation>Skalierungsaktionen</translation>
    </message>
    <message>
        <source>Keys moved (fraction)</source>
        <translation>Verschobene Schlüssel (Anteil)</translation>
    </message>
    <message>
        <source>Hottest shard&apos;s share</source>
        <translation>Anteil des heißesten Shards</translation>
    </message>
    <message>
        <source>Simulated seconds</source>
        <translation>Simulierte Sekunden</translation>
    </message>
    <message>
        <source>Staleness p50 (ms)</source>
        <translation>Veraltung p50 (ms)</translation>
    </message>
    <message>
        <source>Staleness p99 (ms)</source>
        <translation>Veraltung p99 (ms)</translation>
    </message>
    <message>
        <source>Throughput (req/s)</source>
        <translation>Durchsatz (Anfr./s)</translation>
    </message>
    <message>
        <source>Wall-clock seconds</source>
        <translation>Echtzeitsekunden</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Only differences</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <source>At %L1 s: %2 differ</source>
        <translation>Bei %L1 s: %2 verschieden</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompareView</name>
    <message>
        <source>Compare — %1</source>
        <translation>Vergleich — %1</translation>
    </message>
    <message>
        <source>A: as is</source>
        <translation>A: wie es ist</translation>
    </message>
    <message>
        <source>B: changed</source>
        <translation>B: geändert</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Play or pause both runs (Space)</source>
        <translation>Beide Läufe starten oder pausieren (Leertaste)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Both runs one metrics interval on (.)</source>
        <translation>Beide Läufe ein Metrikintervall weiter (.)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Both runs from the start (Ctrl+R)</source>
        <translation>Beide Läufe von vorn (Strg+R)</translation>
    </message>
    <message>
        <source>Simulated seconds per wall-clock second</source>
        <translation>Simulierte Sekunden pro Echtzeitsekunde</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Full screen for a projector: both topologies and two charts (F11)</source>
        <translation>Vollbild für einen Projektor: beide Topologien und zwei Diagramme (F11)</translation>
    </message>
    <message>
        <source>Back to Editing</source>
        <translation>Zurück zum Bearbeiten</translation>
    </message>
    <message>
        <source>Close the comparison; the scenario is as you left it</source>
        <translation>Den Vergleich schließen; das Szenario bleibt, wie Sie es verlassen haben</translation>
    </message>
    <message>
        <source>  Speed </source>
        <translation>  Tempo </translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan</source>
        <translation>Mausrad zum Zoomen, Ziehen zum Verschieben</translation>
    </message>
    <message>
        <source>A cannot run: %1</source>
        <translation>A kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>B cannot run: %1</source>
        <translation>B kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>t = %L1 / %L2 s</source>
        <translation>t = %L1 / %L2 s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>cs::ui::Document</name>
    <message>
        <source>Not saved: the file would not open again.
%1</source>
        <translation>Nicht gespeichert: die Datei ließe sich nicht wieder öffnen.
%1</translation>
    </message>
</context>
<context>
    <name>cs::ui::HistoryPanel</name>
    <message>
        <source>Open a history file…</source>
        <translation>Historiendatei öffnen…</translation>
    </message>
    <message>
        <source>A Jepsen etcd log or an EDN key-value history: check it and show it</source>
        <translation>Ein Jepsen-etcd-Protokoll oder eine EDN-Schlüssel-Wert-Historie: prüfen und anzeigen</translation>
    </message>
    <message>
        <source>Check the live run&apos;s recent history</source>
        <translation>Jüngste Historie des laufenden Laufs prüfen</translation>
    </message>
    <message>
        <source>The last operations clients made on replicated stores, checked for linearizability</source>
        <translation>Die letzten Operationen der Clients auf replizierten Speichern, auf Linearisierbarkeit geprüft</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop checking: the history stays shown, marked as not checked</source>
        <translation>Prüfung abbrechen: Die Historie bleibt sichtbar, als nicht geprüft markiert</translation>
    </message>
    <message>
        <source>checking %L1 operations…</source>
        <translation>prüfe %L1 Operationen…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>cs::ui::HistoryView</name>
    <message>
        <source>Wheel: zoom in time; drag: pan; click an operation to select its client</source>
        <translation>Mausrad: Zeit zoomen; Ziehen: verschieben; Klick auf eine Operation wählt ihren Client</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>prüfe…</translation>
    </message>
    <message>
        <source>not checked (stopped)</source>
        <translation>nicht geprüft (abgebrochen)</translation>
    </message>
    <message>
        <source>linearizable</source>
        <translation>linearisierbar</translation>
    </message>
    <message>
        <source>NOT linearizable</source>
        <translation>NICHT linearisierbar</translation>
    </message>
    <message>
        <source>not checked (undecided within the search budget)</source>
        <translation>nicht geprüft (innerhalb des Suchbudgets unentschieden)</translation>
    </message>
    <message>
        <source>No history yet: open a history file, or check the live run&apos;s recent history</source>
        <translation>Noch keine Historie: Öffnen Sie eine Historiendatei oder prüfen Sie die jüngste Historie des laufenden Laufs</translation>
    </message>
    <message>
        <source>%1 — no operations: nothing to check yet</source>
        <translation>%1 — keine Operationen: noch nichts zu prüfen</translation>
    </message>
    <message>
        <source>%1, %2 to %3 — %L4 operations: %5</source>
        <translation>%1, %2 bis %3 — %L4 Operationen: %5</translation>
    </message>
    <message>
        <source>blue: read · orange: write · dashed: indeterminate</source>
        <translation>blau: Lesen · orange: Schreiben · gestrichelt: unbestimmt</translation>
    </message>
    <message>
        <source> · red outline: the operation that fits no order</source>
        <translation> · roter Rand: die Operation, die in keine Reihenfolge passt</translation>
    </message>
    <message>
        <source> · green: the longest order that works</source>
        <translation> · grün: die längste Reihenfolge, die aufgeht</translation>
    </message>
    <message>
        <source> · faded: other keys</source>
        <translation> · blass: andere Schlüssel</translation>
    </message>
    <message>
        <source> · wheel: zoom · drag: pan · double-click: all</source>
        <translation> · Mausrad: zoomen · Ziehen: verschieben · Doppelklick: alles</translation>
    </message>
    <message>
        <source>%1
process %2, invoked at %3, %4%5</source>
        <translation>%1
Prozess %2, aufgerufen bei %3, %4%5</translation>
    </message>
    <message>
        <source>never answered (indeterminate)</source>
        <translation>nie beantwortet (unbestimmt)</translation>
    </message>
    <message>
        <source>completed at %1</source>
        <translation>abgeschlossen bei %1</translation>
    </message>
    <message>
        <source>
client %1, answered by %2</source>
        <translation>
Client %1, beantwortet von %2</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
</context>
<context>
    <name>cs::ui::Inspector</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>The scenario&apos;s title, shown in the window title</source>
        <translation>Der Titel des Szenarios, in der Titelleiste angezeigt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Simulated seconds a run lasts</source>
        <translation>Simulierte Sekunden, die ein Lauf dauert</translation>
    </message>
    <message>
        <source>Metrics every</source>
        <translation>Metriken alle</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>One chart point per interval</source>
        <translation>Ein Diagrammpunkt pro Intervall</translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation>Verbindung %1 – %2</translation>
    </message>
    <message>
        <source>Median latency</source>
        <translation>Median-Latenz</translation>
    </message>
    <message>
        <source>One-way latency, median</source>
        <translation>Latenz in eine Richtung, Median</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>One-way latency, 99th percentile (&gt;= median)</source>
        <translation>Latenz in eine Richtung, 99. Perzentil (&gt;= Median)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Chance that a message crossing this link is lost</source>
        <translation>Wahrscheinlichkeit, dass eine Nachricht auf dieser Verbindung verloren geht</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>A replica of its datastore; links attach here.</source>
        <translation>Ein Replikat seines Datenspeichers; Verbindungen setzen hier an.</translation>
    </message>
    <message>
        <source>Parallel work</source>
        <translation>Parallele Arbeit</translation>
    </message>
    <message>
        <source>spread each request over all cores (Amdahl)</source>
        <translation>jede Anfrage auf alle Kerne verteilen (Amdahl)</translation>
    </message>
    <message>
        <source>On: one request at a time, sped up by 1 / ((1 - p) + p / cores). Off: each core serves its own request.</source>
        <translation>Ein: eine Anfrage nach der anderen, beschleunigt um 1 / ((1 - p) + p / Kerne). Aus: Jeder Kern bedient seine eigene Anfrage.</translation>
    </message>
    <message>
        <source>parallel work</source>
        <translation>parallele Arbeit</translation>
    </message>
    <message>
        <source>Parallel fraction</source>
        <translation>Paralleler Anteil</translation>
    </message>
    <message>
        <source>parallel fraction</source>
        <translation>paralleler Anteil</translation>
    </message>
    <message>
        <source> (set in the file)</source>
        <translation> (in der Datei festgelegt)</translation>
    </message>
    <message>
        <source>Bigger sizes cost more per core: the price list grows about 2.2x per doubling of cores</source>
        <translation>Größere Instanzen kosten mehr pro Kern: Die Preisliste wächst etwa um das 2,2-Fache je Verdopplung der Kerne</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Batching</source>
        <translation>Stapelverarbeitung</translation>
    </message>
    <message>
        <source>collect requests into batches</source>
        <translation>Anfragen zu Stapeln sammeln</translation>
    </message>
    <message>
        <source>A batch of k costs overhead + k x per item on one core: throughput rises, and so does the median latency</source>
        <translation>Ein Stapel aus k kostet Grundaufwand + k x pro Element auf einem Kern: Der Durchsatz steigt, die Median-Latenz aber auch</translation>
    </message>
    <message>
        <source>batching</source>
        <translation>Stapelverarbeitung</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation>Max. Wartezeit</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>Pro Stapel</translation>
    </message>
    <message>
        <source>Per item</source>
        <translation>Pro Element</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>manual: the instance count stays; target tracking follows utilisation</source>
        <translation>manuell: Die Instanzanzahl bleibt; Zielverfolgung folgt der Auslastung</translation>
    </message>
    <message>
        <source>scaling policy</source>
        <translation>Skalierungsrichtlinie</translation>
    </message>
    <message>
        <source>scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source> % busy</source>
        <translation> % belegt</translation>
    </message>
    <message>
        <source>Target tracking keeps utilisation near this</source>
        <translation>Die Zielverfolgung hält die Auslastung nahe diesem Wert</translation>
    </message>
    <message>
        <source>Or queue depth</source>
        <translation>Oder Warteschlangentiefe</translation>
    </message>
    <message>
        <source> per instance</source>
        <translation> pro Instanz</translation>
    </message>
    <message>
        <source>Above 0, target tracking keeps the requests waiting per instance near this instead</source>
        <translation>Über 0 hält die Zielverfolgung stattdessen die wartenden Anfragen pro Instanz nahe diesem Wert</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source> instances</source>
        <translation> Instanzen</translation>
    </message>
    <message>
        <source>Never fewer</source>
        <translation>Nie weniger</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Never more</source>
        <translation>Nie mehr</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>Abkühlzeit</translation>
    </message>
    <message>
        <source>Waits this long after an action: 0 thrashes</source>
        <translation>Wartet so lange nach einer Aktion: 0 führt zu Flattern</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmzeit</translation>
    </message>
    <message>
        <source>A new instance takes no traffic for this long</source>
        <translation>Eine neue Instanz nimmt so lange keinen Verkehr an</translation>
    </message>
    <message>
        <source>Sharding</source>
        <translation>Sharding</translation>
    </message>
    <message>
        <source>split the keys over shards</source>
        <translation>die Schlüssel auf Shards aufteilen</translation>
    </message>
    <message>
        <source>Each shard is a node of its own (right-click the frame to add one while running)</source>
        <translation>Jeder Shard ist ein eigener Knoten (Rechtsklick auf den Rahmen fügt während des Laufs einen hinzu)</translation>
    </message>
    <message>
        <source>sharding</source>
        <translation>Sharding</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>shard count</source>
        <translation>Shard-Anzahl</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>shard strategy</source>
        <translation>Shard-Strategie</translation>
    </message>
    <message>
        <source>Instances the running simulation has now: autoscaling and kills change it; the box above is the file&apos;s</source>
        <translation>Instanzen, die die laufende Simulation gerade hat: Autoskalierung und Ausfälle ändern sie; das Feld darüber ist der Wert der Datei</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Laufen gerade</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>Speed-up with these cores: %L1x (never more than %L2x)</source>
        <translation>Beschleunigung mit diesen Kernen: %L1x (nie mehr als %L2x)</translation>
    </message>
    <message>
        <source>$%L1 per instance-hour%2</source>
        <translation>%L1 $ pro Instanzstunde%2</translation>
    </message>
    <message>
        <source> (list price: $%L1 per core)</source>
        <translation> (Listenpreis: %L1 $ pro Kern)</translation>
    </message>
    <message>
        <source>hash mod moves most keys when a shard is added; consistent hash about 1/(n+1); range keeps neighbours (and hot keys) together</source>
        <translation>hash mod verschiebt beim Hinzufügen eines Shards die meisten Schlüssel; consistent hash etwa 1/(n+1); range hält Nachbarn (und heiße Schlüssel) zusammen</translation>
    </message>
    <message>
        <source>0: every instance is down</source>
        <translation>0: alle Instanzen sind ausgefallen</translation>
    </message>
</context>
<context>
    <name>cs::ui::LessonPanel</name>
    <message>
        <source>kill %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <source>%1 sends %2 requests/s</source>
        <translation>%1 sendet %2 Anfragen/s</translation>
    </message>
    <message>
        <source>set %1 %2 to %3</source>
        <translation>%1 %2 auf %3 setzen</translation>
    </message>
    <message>
        <source>add a shard to %1</source>
        <translation>einen Shard zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>The lesson&apos;s steps; click one to go there</source>
        <translation>Die Schritte der Lektion; ein Klick springt dorthin</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next lesson step</source>
        <translation>Nächster Lektionsschritt</translation>
    </message>
    <message>
        <source>Previous lesson step</source>
        <translation>Vorheriger Lektionsschritt</translation>
    </message>
    <message>
        <source>%1 s: </source>
        <translation>%1 s: </translation>
    </message>
    <message>
        <source>This scenario has no lesson.</source>
        <translation>Dieses Szenario hat keine Lektion.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Do it: %1</source>
        <translation>Ausführen: %1</translation>
    </message>
    <message>
        <source>Your guess: %1. Right.</source>
        <translation>Ihre Vermutung: %1. Richtig.</translation>
    </message>
    <message>
        <source>Your guess: %1. The answer: %2.</source>
        <translation>Ihre Vermutung: %1. Die Antwort: %2.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Von vorn beginnen</translation>
    </message>
    <message>
        <source>Back to the first step, forgetting every answer given</source>
        <translation>Zurück zum ersten Schritt; alle gegebenen Antworten werden vergessen</translation>
    </message>
</context>
<context>
    <name>cs::ui::LiveSync</name>
    <message>
        <source>Adding or removing nodes or links</source>
        <translation>Das Hinzufügen oder Entfernen von Knoten oder Verbindungen</translation>
    </message>
    <message>
        <source>A new node</source>
        <translation>Ein neuer Knoten</translation>
    </message>
    <message>
        <source>A change to %1</source>
        <translation>Eine Änderung an %1</translation>
    </message>
    <message>
        <source>Changing %1&apos;s %2</source>
        <translation>Die Änderung von %2 bei %1</translation>
    </message>
    <message>
        <source>A new link</source>
        <translation>Eine neue Verbindung</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>Press Play (Space) to start; right-click nodes and links to break things.</source>
        <translation>Drücken Sie Start (Leertaste); Rechtsklick auf Knoten und Verbindungen, um etwas kaputtzumachen.</translation>
    </message>
    <message>
        <source>Double-click a kind to add a node of it to the topology</source>
        <translation>Doppelklick auf eine Art fügt der Topologie einen Knoten dieser Art hinzu</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Faults and reactions; click one to select what it is about</source>
        <translation>Fehler und Reaktionen; ein Klick wählt aus, worum es geht</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>live run</source>
        <translation>laufender Lauf</translation>
    </message>
    <message>
        <source>%1 made this operation on %2%3</source>
        <translation>%1 hat diese Operation auf %2 ausgeführt%3</translation>
    </message>
    <message>
        <source>A client</source>
        <translation>Ein Client</translation>
    </message>
    <message>
        <source>; %1 answered it</source>
        <translation>; %1 hat sie beantwortet</translation>
    </message>
    <message>
        <source>Open a history</source>
        <translation>Historie öffnen</translation>
    </message>
    <message>
        <source>Histories (*.log *.txt *.edn);;All files (*)</source>
        <translation>Historien (*.log *.txt *.edn);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open history</source>
        <translation>Historie kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot read history</source>
        <translation>Historie kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Running: Space pauses; right-click nodes and links to break things.</source>
        <translation>Läuft: Leertaste pausiert; Rechtsklick auf Knoten und Verbindungen, um etwas kaputtzumachen.</translation>
    </message>
    <message>
        <source>Paused: Space plays, . steps; right-click nodes and links to break things.</source>
        <translation>Pausiert: Leertaste startet, . geht einen Schritt; Rechtsklick auf Knoten und Verbindungen, um etwas kaputtzumachen.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Make the stores %1</source>
        <translation>Speicher auf %1 stellen</translation>
    </message>
    <message>
        <source>%1: mode</source>
        <translation>%1: Modus</translation>
    </message>
    <message>
        <source>Scaling policy: %1</source>
        <translation>Skalierungsrichtlinie: %1</translation>
    </message>
    <message>
        <source>%1: scaling policy</source>
        <translation>%1: Skalierungsrichtlinie</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save Session as Scenario…</source>
        <translation>Sitzung als Szenario speichern…</translation>
    </message>
    <message>
        <source>Save with everything you did during the run as its timeline, to replay it exactly</source>
        <translation>Mit allem, was Sie während des Laufs getan haben, als Zeitleiste speichern, um ihn exakt wiederzugeben</translation>
    </message>
    <message>
        <source>Export Metrics as CSV…</source>
        <translation>Metriken als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Topology as PNG or SVG…</source>
        <translation>Topologie als PNG oder SVG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Auto-&amp;arrange</source>
        <translation>Automatisch &amp;anordnen</translation>
    </message>
    <message>
        <source>Play or pause the simulation (Space)</source>
        <translation>Simulation starten oder pausieren (Leertaste)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run one metrics interval, then pause (.)</source>
        <translation>Ein Metrikintervall laufen lassen, dann pausieren (.)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Start the run again from t = 0 (Ctrl+R)</source>
        <translation>Den Lauf wieder bei t = 0 beginnen (Strg+R)</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <source>Simulated seconds per wall-clock second</source>
        <translation>Simulierte Sekunden pro Echtzeitsekunde</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>  Seed </source>
        <translation>  Seed </translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same run</source>
        <translation>Zufallsstartwert: Derselbe Seed ergibt denselben Lauf</translation>
    </message>
    <message>
        <source>  Store </source>
        <translation>  Speicher </translation>
    </message>
    <message>
        <source>CP or AP for every replicated datastore: flip it and cut a link to compare</source>
        <translation>CP oder AP für jeden replizierten Datenspeicher: umschalten und eine Verbindung trennen, um zu vergleichen</translation>
    </message>
    <message>
        <source>  Scaling </source>
        <translation>  Skalierung </translation>
    </message>
    <message>
        <source>The autoscaling policy of every service group (min, max, target and cooldown are in the inspector)</source>
        <translation>Die Autoskalierungsrichtlinie jeder Dienstgruppe (Min., Max., Ziel und Abkühlzeit stehen im Inspektor)</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Drag from one node to another to link them (or hold Shift)</source>
        <translation>Von einem Knoten zu einem anderen ziehen, um sie zu verbinden (oder Umschalt halten)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Kill / Restart Selected</source>
        <translation>Auswahl beenden / neu starten</translation>
    </message>
    <message>
        <source>Cut / Heal Selected Link</source>
        <translation>Gewählte Verbindung trennen / reparieren</translation>
    </message>
    <message>
        <source>Partition Selection from the Rest</source>
        <translation>Auswahl vom Rest abtrennen (Partition)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>Szenario kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <source>Save session as scenario</source>
        <translation>Sitzung als Szenario speichern</translation>
    </message>
    <message>
        <source>Session saved: opening it replays this run exactly</source>
        <translation>Sitzung gespeichert: Beim Öffnen wird dieser Lauf exakt wiedergegeben</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The scenario has changes that are not saved. Save them?</source>
        <translation>Das Szenario hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Export topology</source>
        <translation>Topologie exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG images (*.svg)</source>
        <translation>PNG-Bilder (*.png);;SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <source>ClusterSim did not close cleanly last time. Open the scenario it saved automatically?</source>
        <translation>ClusterSim wurde beim letzten Mal nicht sauber beendet. Das automatisch gespeicherte Szenario öffnen?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Wiederherstellung nicht möglich</translation>
    </message>
    <message>
        <source>%1

The file was kept as %2.</source>
        <translation>%1

Die Datei wurde als %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; it was kept as %2 and defaults are used.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden; sie wurde als %2 aufbewahrt, und es gelten die Standardwerte.</translation>
    </message>
    <message>
        <source>The saved window layout did not fit this screen (%1); this is the default layout.</source>
        <translation>Das gespeicherte Fensterlayout passte nicht auf diesen Bildschirm (%1); dies ist das Standardlayout.</translation>
    </message>
    <message>
        <source>Reset (Ctrl+R) starts a new run with your edits.</source>
        <translation>Zurücksetzen (Strg+R) startet einen neuen Lauf mit Ihren Änderungen.</translation>
    </message>
    <message>
        <source>%1 waits for a new run. %2</source>
        <translation>%1 wartet auf einen neuen Lauf. %2</translation>
    </message>
    <message>
        <source>Restart the run?</source>
        <translation>Lauf neu starten?</translation>
    </message>
    <message>
        <source>%1 needs a new run: the simulation starts again from t = 0, and the charts and the event log start afresh.</source>
        <translation>%1 erfordert einen neuen Lauf: Die Simulation beginnt wieder bei t = 0, und Diagramme und Ereignisprotokoll beginnen von vorn.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Later: the run goes on without the edit. %1</source>
        <translation>Später: Der Lauf geht ohne die Änderung weiter. %1</translation>
    </message>
    <message>
        <source>%1 needed a new run: restarted from t = 0.</source>
        <translation>%1 erforderte einen neuen Lauf: bei t = 0 neu gestartet.</translation>
    </message>
    <message>
        <source>t = %L1 / %L2 s</source>
        <translation>t = %L1 / %L2 s</translation>
    </message>
    <message>
        <source>  (paused)</source>
        <translation>  (pausiert)</translation>
    </message>
    <message>
        <source>S&amp;weep...</source>
        <translation>Parameter&amp;variation...</translation>
    </message>
    <message>
        <source>New from &amp;Preset</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>Fit the topology to the window (F)</source>
        <translation>Die Topologie ins Fenster einpassen (F)</translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation>Vorlage kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Zoom Topology &amp;In</source>
        <translation>Topologie &amp;vergrößern</translation>
    </message>
    <message>
        <source>Zoom Topology &amp;Out</source>
        <translation>Topologie ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>K&amp;leinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>&amp;Normale Schriftgröße</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>Keys — ClusterSim</source>
        <translation>Tastenkürzel — ClusterSim</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Compare with a Change…</source>
        <translation>Mit einer Änderung &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Run the scenario beside a copy with one or more changes, in lock-step, and compare (Ctrl+Shift+C)</source>
        <translation>Das Szenario neben einer Kopie mit einer oder mehreren Änderungen im Gleichschritt laufen lassen und vergleichen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Compare the &amp;Branch with the Old Future</source>
        <translation>&amp;Zweig mit der alten Zukunft vergleichen</translation>
    </message>
    <message>
        <source>After dragging the timeline back: the run as it was (A) beside the branch you made from there (B)</source>
        <translation>Nach dem Zurückziehen der Zeitleiste: der Lauf, wie er war (A), neben dem Zweig, den Sie von dort aus gemacht haben (B)</translation>
    </message>
    <message>
        <source>the branch from %L1 s</source>
        <translation>der Zweig ab %L1 s</translation>
    </message>
    <message>
        <source>Export Charts as PNG…</source>
        <translation>Diagramme als PNG exportieren…</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>Schalter</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>No chart is shown: open them with View &gt; Charts first.</source>
        <translation>Kein Diagramm ist sichtbar: zuerst mit Ansicht &gt; Diagramme öffnen.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Paused by the lesson: read its step, then Space plays on.</source>
        <translation>Von der Lektion pausiert: Schritt lesen, dann startet die Leertaste weiter.</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>step</source>
        <translation>stufenweise</translation>
    </message>
    <message>
        <source>target tracking</source>
        <translation>Zielverfolgung</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>Kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 · %L2 req/s served&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 · %L2 Anfr./s bedient&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Simulated time; %1. Requests served per second in the last metrics interval (the run&apos;s average so far: %L2)</source>
        <translation>Simulierte Zeit; %1. Bediente Anfragen pro Sekunde im letzten Messintervall (Durchschnitt des Laufs bisher: %L2)</translation>
    </message>
    <message>
        <source>Paused for a question — pick an answer on the charts</source>
        <translation>Pausiert für eine Frage – wählen Sie eine Antwort über den Diagrammen</translation>
    </message>
    <message>
        <source> is not set: pick a %1 in the inspector, or draw a link to one</source>
        <translation> ist nicht gesetzt: wählen Sie im Inspektor einen %1 oder ziehen Sie eine Verbindung zu einem</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Keys&lt;/h2&gt;&lt;table cellpadding=4&gt;%1&lt;/table&gt;&lt;h3&gt;Mouse&lt;/h3&gt;&lt;p&gt;Right-click a node or link: kill / restart, cut / heal, partition. Shift+drag from one node to another: link them. Drag: move. Wheel: zoom the topology. Double-click a kind under Add: a new node.&lt;/p&gt;&lt;h3&gt;Presentation mode&lt;/h3&gt;&lt;p&gt;F11 or View &amp;gt; Presentation: full screen, large text, the topology and two charts. PageDown / PageUp: the lesson&apos;s next / previous step. B: blank the screen. Space: play or pause. .: step. Esc or F11: back.&lt;/p&gt;&lt;h3&gt;Lesson questions&lt;/h3&gt;&lt;p&gt;While a question covers the charts, A, B, C (or 1, 2, 3) answer it, in any mode.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tastenkürzel&lt;/h2&gt;&lt;table cellpadding=4&gt;%1&lt;/table&gt;&lt;h3&gt;Maus&lt;/h3&gt;&lt;p&gt;Rechtsklick auf einen Knoten oder eine Verbindung: beenden / neu starten, trennen / reparieren, partitionieren. Umschalt+Ziehen von einem Knoten zum anderen: verbinden. Ziehen: verschieben. Mausrad: Topologie zoomen. Doppelklick auf eine Art unter Hinzufügen: ein neuer Knoten.&lt;/p&gt;&lt;h3&gt;Präsentationsmodus&lt;/h3&gt;&lt;p&gt;F11 oder Ansicht &amp;gt; Präsentation: Vollbild, große Schrift, die Topologie und zwei Diagramme. Bild ab / Bild auf: nächster / vorheriger Schritt der Lektion. B: Bildschirm schwarz. Leertaste: Start oder Pause. .: Schritt. Esc oder F11: zurück.&lt;/p&gt;&lt;h3&gt;Fragen der Lektion&lt;/h3&gt;&lt;p&gt;Solange eine Frage die Diagramme verdeckt, beantworten A, B, C (oder 1, 2, 3) sie, in jedem Modus.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cs::ui::MarkedChartView</name>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Export &quot;%1&quot; as PNG…</source>
        <translation>„%1“ als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export &quot;%1&quot; as SVG…</source>
        <translation>„%1“ als SVG exportieren…</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>Drag across a chart to zoom in, double-click to follow the run again; right-click to export</source>
        <translation>Über ein Diagramm ziehen zoomt hinein, Doppelklick folgt wieder dem Lauf; Rechtsklick exportiert</translation>
    </message>
    <message>
        <source>Follow the run (reset zoom)</source>
        <translation>Dem Lauf folgen (Zoom zurücksetzen)</translation>
    </message>
</context>
<context>
    <name>cs::ui::PredictionCover</name>
    <message>
        <source>The event log is hidden until you answer the lesson&apos;s question.</source>
        <translation>Das Ereignisprotokoll bleibt verborgen, bis Sie die Frage der Lektion beantworten.</translation>
    </message>
    <message>
        <source>Predict first: the charts are hidden until you answer (click, or press A, B, ...).</source>
        <translation>Erst vorhersagen: Die Diagramme bleiben verborgen, bis Sie antworten (klicken oder A, B, … drücken).</translation>
    </message>
</context>
<context>
    <name>cs::ui::Presentation</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Präsentation</translation>
    </message>
    <message>
        <source>Full screen for a projector: large text, topology and two charts, high contrast (F11; Esc leaves)</source>
        <translation>Vollbild für einen Projektor: große Schrift, Topologie und zwei Diagramme, hoher Kontrast (F11; Esc beendet)</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>Präsentation verlassen</translation>
    </message>
    <message>
        <source>Next lesson step</source>
        <translation>Nächster Lektionsschritt</translation>
    </message>
    <message>
        <source>Previous lesson step</source>
        <translation>Vorheriger Lektionsschritt</translation>
    </message>
    <message>
        <source>Blank the screen (again: show it)</source>
        <translation>Bildschirm schwarz schalten (erneut: wieder zeigen)</translation>
    </message>
</context>
<context>
    <name>cs::ui::SweepDialog</name>
    <message>
        <source>Sweep</source>
        <translation>Parametervariation</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Simulated time per run</source>
        <translation>Simulierte Zeit pro Lauf</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Running %1 points on every core...</source>
        <translation>Berechne %1 Punkte auf allen Kernen...</translation>
    </message>
    <message>
        <source>%1: %2 runs of %3 s each.</source>
        <translation>%1: %2 Läufe zu je %3 s.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>the varied field</source>
        <translation>das variierte Feld</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Gegen</translation>
    </message>
    <message>
        <source>Knee: the last point before latency grows faster than throughput (from there a 1% rise in throughput costs more than 1% in latency).
Erlang C (theory): the M/M/c response time, P(wait &gt; t) = C(c, a) exp(-(c mu - lambda) t), plus the links.</source>
        <translation>Knie: der letzte Punkt, bevor die Latenz schneller wächst als der Durchsatz (danach kostet 1 % mehr Durchsatz mehr als 1 % Latenz).
Erlang C (Theorie): die M/M/c-Antwortzeit, P(Warten &gt; t) = C(c, a) exp(-(c mu - lambda) t), plus die Verbindungen.</translation>
    </message>
    <message>
        <source>Scale up vs scale out</source>
        <translation>Vertikal vs. horizontal skalieren</translation>
    </message>
    <message>
        <source>Runs the chosen service group at 1 to N instances (scale out) and at 1 to N cores (scale up), N = Points, and plots the key against the cost per hour</source>
        <translation>Rechnet die gewählte Dienstgruppe mit 1 bis N Instanzen (horizontal) und mit 1 bis N Kernen (vertikal), N = Punkte, und zeichnet den Schlüssel gegen die Kosten pro Stunde</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>Scale up vs scale out of %1</source>
        <translation>Vertikal vs. horizontal skalieren: %1</translation>
    </message>
    <message>
        <source>Export Sweep</source>
        <translation>Parametervariation exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;CSV, as clustersim-cli sweep writes (*.csv)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;CSV wie von clustersim-cli sweep (*.csv)</translation>
    </message>
    <message>
        <source>knee: beyond it latency grows faster than %1</source>
        <translation>Knie: danach wächst die Latenz schneller als %1</translation>
    </message>
    <message>
        <source>No Erlang C overlay: %1.</source>
        <translation>Keine Erlang-C-Kurve: %1.</translation>
    </message>
    <message>
        <source>Erlang C (theory) is drawn for the latency keys.</source>
        <translation>Erlang C (Theorie) wird für die Latenzschlüssel gezeichnet.</translation>
    </message>
    <message>
        <source>Erlang C (theory)</source>
        <translation>Erlang C (Theorie)</translation>
    </message>
    <message>
        <source>Dashed: Erlang C (theory) for this M/M/c group.</source>
        <translation>Gestrichelt: Erlang C (Theorie) für diese M/M/c-Gruppe.</translation>
    </message>
    <message>
        <source>Dashed: Erlang C (theory); left out at %1 of %2 points: %3.</source>
        <translation>Gestrichelt: Erlang C (Theorie); an %1 von %2 Punkten ausgelassen: %3.</translation>
    </message>
    <message>
        <source>scale out: 1 to %1 instances</source>
        <translation>horizontal: 1 bis %1 Instanzen</translation>
    </message>
    <message>
        <source>scale up: 1 to %1 cores</source>
        <translation>vertikal: 1 bis %1 Kerne</translation>
    </message>
    <message>
        <source>Each point is one size of the group; lower and further left is better.</source>
        <translation>Jeder Punkt ist eine Größe der Gruppe; tiefer und weiter links ist besser.</translation>
    </message>
    <message>
        <source>cost per hour (USD)</source>
        <translation>Kosten pro Stunde (USD)</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 Instanzen</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message numerus="yes">
        <source>The timeline&apos;s %n change(s) of the varied field are left out: each point keeps its value for the whole run.</source>
        <translation>
            <numerusform>Die %n Änderung des variierten Felds in der Zeitleiste wird ausgelassen: jeder Punkt behält seinen Wert den ganzen Lauf über.</numerusform>
            <numerusform>Die %n Änderungen des variierten Felds in der Zeitleiste werden ausgelassen: jeder Punkt behält seinen Wert den ganzen Lauf über.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: the points in progress finish first...</source>
        <translation>Wird angehalten: die laufenden Punkte werden noch fertig...</translation>
    </message>
    <message>
        <source>Stopped. No points were kept: run again to start over.</source>
        <translation>Angehalten. Es wurden keine Punkte behalten: erneut starten, um von vorn zu beginnen.</translation>
    </message>
    <message>
        <source>Stopped. The plot is still the last finished sweep.</source>
        <translation>Angehalten. Das Diagramm zeigt weiter den letzten fertigen Sweep.</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 bis %3</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>%1 vs %2: %3</source>
        <translation>%1 gegen %2: %3</translation>
    </message>
    <message>
        <source>Scale up vs scale out of %1: %2 vs cost per hour</source>
        <translation>%1 vertikal oder horizontal skaliert: %2 gegen Kosten pro Stunde</translation>
    </message>
</context>
<context>
    <name>cs::ui::SweepPlot</name>
    <message>
        <source>Could not encode %1 as PNG</source>
        <translation>%1 konnte nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Parametervariation</translation>
    </message>
</context>
<context>
    <name>cs::ui::TimelineBar</name>
    <message>
        <source>Simulated time. Drag back to rewind: the run replays to there with your actions and pauses; what you do next is a new branch. Drag forward to run on.</source>
        <translation>Simulierte Zeit. Zurückziehen spult zurück: Der Lauf wird mit Ihren Aktionen bis dorthin wiederholt und pausiert; was Sie danach tun, ist ein neuer Zweig. Vorwärtsziehen lässt weiterlaufen.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
</context>
<context>
    <name>cs::ui::TopologyScene</name>
    <message>
        <source>%1: a replica of %2, term %3%4%5</source>
        <translation>%1: ein Replikat von %2, Term %3%4%5</translation>
    </message>
    <message>
        <source>, the leader</source>
        <translation>, der Leader</translation>
    </message>
    <message>
        <source>, behind on %1 keys</source>
        <translation>, bei %1 Schlüsseln im Rückstand</translation>
    </message>
    <message>
        <source>Partitioned %1 node(s) from the rest: %2 link(s) cut</source>
        <translation>%1 Knoten vom Rest abgetrennt: %2 Verbindung(en) getrennt</translation>
    </message>
    <message>
        <source>%1 and %2 are already linked</source>
        <translation>%1 und %2 sind bereits verbunden</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Kill all of %1</source>
        <translation>Alle von %1 beenden</translation>
    </message>
    <message>
        <source>Restart all of %1</source>
        <translation>Alle von %1 neu starten</translation>
    </message>
    <message>
        <source>Add a shard to %1 (keys migrate)</source>
        <translation>%1 einen Shard hinzufügen (Schlüssel wandern)</translation>
    </message>
    <message>
        <source>Cut this link</source>
        <translation>Diese Verbindung trennen</translation>
    </message>
    <message>
        <source>Heal this link</source>
        <translation>Diese Verbindung reparieren</translation>
    </message>
    <message>
        <source>Partition the selection from the rest</source>
        <translation>Die Auswahl vom Rest abtrennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cut this instance&apos;s link (%1 – %2)</source>
        <translation>Verbindung dieser Instanz trennen (%1 – %2)</translation>
    </message>
    <message>
        <source>Heal this instance&apos;s link (%1 – %2)</source>
        <translation>Verbindung dieser Instanz reparieren (%1 – %2)</translation>
    </message>
    <message>
        <source>Cut every link %1 – %2</source>
        <translation>Alle Verbindungen %1 – %2 trennen</translation>
    </message>
    <message>
        <source>Heal every link %1 – %2</source>
        <translation>Alle Verbindungen %1 – %2 reparieren</translation>
    </message>
    <message>
        <source>Not deleted: what would be left does not open again (%1)</source>
        <translation>Nicht gelöscht: was übrig bliebe, ließe sich nicht wieder öffnen (%1)</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
</context>
<context>
    <name>cs::ui::TopologyView</name>
    <message>
        <source>Drag nodes to move them; Shift+drag from one node to another to link them;
right-click for kill, restart, cut, heal and partition; wheel to zoom; middle-drag to pan.</source>
        <translation>Knoten ziehen, um sie zu verschieben; Umschalt+Ziehen von einem Knoten zum anderen verbindet sie;
Rechtsklick zum Beenden, Neustarten, Trennen, Reparieren und Partitionieren; Mausrad zoomt; mit der mittleren Taste ziehen verschiebt.</translation>
    </message>
</context>
<context>
    <name>cs::ui::WindowLayout</name>
    <message>
        <source>The window layout saved by an older version of ClusterSim was not restored; this is the default layout.</source>
        <translation>Das von einer älteren ClusterSim-Version gespeicherte Fensterlayout wurde nicht wiederhergestellt; dies ist das Standardlayout.</translation>
    </message>
    <message>
        <source>The saved window layout could not be read; this is the default layout.</source>
        <translation>Das gespeicherte Fensterlayout konnte nicht gelesen werden; dies ist das Standardlayout.</translation>
    </message>
    <message>
        <source>%1 floats off every screen</source>
        <translation>%1 schwebt außerhalb aller Bildschirme</translation>
    </message>
    <message>
        <source>%1 is outside the window</source>
        <translation>%1 liegt außerhalb des Fensters</translation>
    </message>
    <message>
        <source>no room for the topology</source>
        <translation>kein Platz für die Topologie</translation>
    </message>
    <message>
        <source>the topology</source>
        <translation>die Topologie</translation>
    </message>
    <message>
        <source>%1 overlaps %2</source>
        <translation>%1 überdeckt %2</translation>
    </message>
    <message>
        <source>the run toolbar is hidden</source>
        <translation>die Lauf-Werkzeugleiste ist ausgeblendet</translation>
    </message>
</context>
<context>
    <name>cs::ui::palette</name>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>rate limiter</source>
        <translation>Ratenbegrenzer</translation>
    </message>
    <message>
        <source>load balancer</source>
        <translation>Lastverteiler</translation>
    </message>
    <message>
        <source>service group</source>
        <translation>Dienstgruppe</translation>
    </message>
    <message>
        <source>session store</source>
        <translation>Sitzungsspeicher</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>datastore</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>CDN edge</source>
        <translation>CDN-Edge</translation>
    </message>
</context>
</TS>
