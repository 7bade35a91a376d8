#!/usr/bin/env bash
# Routing classifier benchmark (issue 14): precision and recall per unit and macro-F1 on the held-out
# requests of bench/crm/classifier-requests.tsv, trained on the shipped seed only and then with the
# confirmed (train) routings added; writes the classifier section of bench/results/crm.md.
#   flock /tmp/hromada-build.lock bench/crm/classifier.sh
# From a clean clone: builds crm-verification and what it needs (tests skipped), then runs
# ClassifierBench from its test classes. Maven's offline mode is used when the repository is filled.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
module="$root/bundles/crm/crm-verification"
work="$root/bench/work"
mkdir -p "$work"
offline=${MAVEN_OFFLINE:--o}
cd "$root"
mvn -B -q $offline install -DskipTests -pl bundles/crm/crm-verification -am
mvn -B -q $offline -pl bundles/crm/crm-verification dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/crm-verification.classpath" >/dev/null
"$JAVA_HOME/bin/java" -cp "$module/target/test-classes:$module/target/classes:$(cat "$work/crm-verification.classpath")" \
    ua.hromada.crm.verification.ClassifierBench
