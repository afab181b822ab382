# One remote JMeter engine on loopback:
#   jmeter-server.sh <target dir> <name> <registry port> <engine port> <java> <service port> <loops>
# Runs the JMeter that jmeter-maven-plugin's configure goal laid out; the engine's properties come on its command
# line (the plan reads port and loops with __P, on the engine that runs it). Bounded: timeout ends it after 180 s.
set -e
target=$1 name=$2 port=$3 rmi=$4 java=$5 service=$6 loops=$7
jar=$(ls "$target"/*/jmeter/bin/ApacheJMeter-*.jar | head -n 1)
mkdir -p "$target/jmeter/logs"
echo $$ > "$target/$name.pid"
exec timeout 180 "$java" -Xms64m -Xmx192m -Djava.rmi.server.hostname=127.0.0.1 -jar "$jar" -s \
  -Dserver_port="$port" -Jserver.rmi.localport="$rmi" -Jserver.rmi.ssl.disable=true -Jserver.exitaftertest=true \
  -Jport="$service" -Jloops="$loops" -j "$target/jmeter/logs/$name.log"
