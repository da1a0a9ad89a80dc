#!/usr/bin/env bash
# Builds the seed corpora of every fuzz target from the repository's test data, under
# fuzz/corpus/<target>/. Running it again only adds files; libFuzzer keeps what it found.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus
mkdir -p "$corpus"/{parser,reader_vs_parser,assets_check,query,message_reply,write_parse}

# Documents: every export, checker fixture and reply body in testdata.
documents=(testdata/*.xml testdata/check/*.xml testdata/reply/*)
for file in "${documents[@]}"; do
    case "$file" in *.expected | *README.md) continue ;; esac
    name=$(basename "$file")
    dir=$(basename "$(dirname "$file")")

    cp "$file" "$corpus/parser/$dir-$name"
    cp "$file" "$corpus/assets_check/$dir-$name"
    cp "$file" "$corpus/message_reply/$dir-$name"
    # Any bytes decode into models for the write target; documents give it varied ones.
    cp "$file" "$corpus/write_parse/$dir-$name"

    # The reader target reads its read plan from the last 8 bytes. Zeros read the whole
    # document one byte at a time. The second plan parses after every 64 bytes, gathered
    # from reads of 2, 8, 4, 1 and 1 bytes in turn, and makes every other read fail with
    # `Interrupted`.
    { cat "$file"; printf '\0\0\0\0\0\0\0\0'; } >"$corpus/reader_vs_parser/$dir-$name"
    { cat "$file"; printf '\77\0\1\1\7\3\0\0'; } >"$corpus/reader_vs_parser/$dir-$name-reads-of-64"
done

# Queries: the query strings that the crate's own tests and examples use, valid or not.
grep -rhoE '"(\?|action=|id_min=)[^"]*"' src/query tests |
    sed -e 's/^"//' -e 's/"$//' |
    sort -u |
    while IFS= read -r query; do
        name=$(printf '%s' "$query" | sha1sum | cut -c1-16)
        printf '%s' "$query" >"$corpus/query/$name"
    done

# Messages: each error TEXT of the reply fixtures, alone.
grep -rhoE '<TEXT>[^<]*</TEXT>' testdata |
    sed -e 's/^<TEXT>//' -e 's#</TEXT>$##' |
    sort -u |
    while IFS= read -r text; do
        name=text-$(printf '%s' "$text" | sha1sum | cut -c1-16)
        printf '%s' "$text" >"$corpus/message_reply/$name"
    done

for target in "$corpus"/*/; do
    echo "$(basename "$target"): $(find "$target" -type f | wc -l) inputs"
done
