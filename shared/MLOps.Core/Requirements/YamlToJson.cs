using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MLOps.Core.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLOps.Core.Requirements;

/// <summary>
/// Turns a YAML spec into JSON text so that YAML specs take the very same validation path as JSON ones.
/// Plain scalars are typed by the YAML 1.2 core schema (null, booleans, numbers); quoted scalars stay strings.
/// The text is untrusted, so it is read as a stream of parser events (no recursive node tree: 100,000 nested
/// brackets overflowed the stack inside YamlDotNet's representation model) under three limits: nesting depth
/// (<see cref="JsonLimits.MaxDepth"/>), what aliases may expand to (<see cref="MaxNodes"/> nodes and
/// <see cref="MaxOutputBytes"/> of JSON: a 441-byte alias bomb otherwise takes gigabytes), and only the core
/// schema's tags.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>Nodes the document may hold once aliases are expanded; a real spec holds a few thousand.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>JSON the document may expand to; a real spec is a few kilobytes.</summary>
    public const int MaxOutputBytes = 4 * 1024 * 1024;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private static readonly HashSet<string> CoreTags =
        new[] { "str", "int", "float", "bool", "null", "map", "seq" }.Select(t => CoreTagPrefix + t).ToHashSet(StringComparer.Ordinal);

    public static string Convert(string yaml)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            new Converter(writer).Run(new Parser(new StringReader(yaml)));
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class Converter(Utf8JsonWriter writer)
    {
        private readonly Dictionary<string, List<ParsingEvent>> anchors = new(StringComparer.Ordinal);

        // Anchored nodes still being read from the source: their events so far and the depth they started at.
        private readonly List<(string Anchor, List<ParsingEvent> Events, int Depth)> recording = [];

        // The open collections; for a mapping, whether its next node is a key and the keys it has.
        private readonly Stack<Frame> open = new();
        private int nodes;
        private int documents;

        public void Run(Parser parser)
        {
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                switch (current)
                {
                    case DocumentStart when ++this.documents > 1:
                        throw new InvalidDataException($"A YAML spec must hold exactly one document (a second starts at line {current.Start.Line}).");
                    case StreamStart or StreamEnd or DocumentStart or DocumentEnd or Comment:
                        continue;
                }

                foreach ((_, List<ParsingEvent> events, _) in this.recording)
                {
                    events.Add(current);
                }

                this.Handle(current, fromSource: true);
            }

            if (this.documents == 0)
            {
                throw new InvalidDataException("A YAML spec must hold exactly one document, not 0.");
            }
        }

        private void Handle(ParsingEvent current, bool fromSource)
        {
            if (current is AnchorAlias alias)
            {
                this.Expand(alias);
                return;
            }

            if (++this.nodes > MaxNodes || writer.BytesCommitted + writer.BytesPending > MaxOutputBytes)
            {
                throw new InvalidDataException(
                    $"The YAML expands to more than {MaxNodes} nodes or {MaxOutputBytes} bytes (line {current.Start.Line}); aliases that repeat aliases are refused.");
            }

            if (current is NodeEvent node)
            {
                CheckTag(node);
                if (fromSource && !node.Anchor.IsEmpty)
                {
                    this.recording.Add((node.Anchor.Value, [current], this.open.Count));
                }
            }

            Frame? parent = this.open.TryPeek(out Frame? top) ? top : null;
            bool isKey = parent is { Keys: not null, ExpectKey: true };
            switch (current)
            {
                case Scalar scalar when isKey:
                    if (!parent!.Keys!.Add(scalar.Value))
                    {
                        throw new InvalidDataException($"Malformed YAML at line {current.Start.Line}, column {current.Start.Column}: Duplicate key '{scalar.Value}'.");
                    }

                    writer.WritePropertyName(scalar.Value);
                    this.Completed();
                    break;
                case MappingStart or SequenceStart when isKey:
                    throw new InvalidDataException($"Mapping keys must be scalars (line {current.Start.Line}).");
                case Scalar scalar:
                    WriteScalar(writer, scalar);
                    this.Completed();
                    break;
                case MappingStart or SequenceStart:
                    if (this.open.Count >= JsonLimits.MaxDepth)
                    {
                        throw new InvalidDataException(
                            $"The YAML nests deeper than {JsonLimits.MaxDepth} levels (line {current.Start.Line}, column {current.Start.Column}).");
                    }

                    bool mapping = current is MappingStart;
                    if (mapping)
                    {
                        writer.WriteStartObject();
                    }
                    else
                    {
                        writer.WriteStartArray();
                    }

                    this.open.Push(new Frame { Keys = mapping ? new HashSet<string>(StringComparer.Ordinal) : null, ExpectKey = mapping });
                    break;
                case MappingEnd or SequenceEnd:
                    if (this.open.Pop().Keys is not null)
                    {
                        writer.WriteEndObject();
                    }
                    else
                    {
                        writer.WriteEndArray();
                    }

                    this.Completed();
                    break;
                default:
                    throw new InvalidDataException($"Unsupported YAML at line {current.Start.Line}.");
            }

            if (fromSource)
            {
                this.FinishAnchors();
            }
        }

        // A node ended: in a mapping, a value follows a key and a key follows a value.
        private void Completed()
        {
            if (this.open.TryPeek(out Frame? parent) && parent.Keys is not null)
            {
                parent.ExpectKey = !parent.ExpectKey;
            }
        }

        // An anchored node is complete once the source is back at the depth it started at.
        private void FinishAnchors()
        {
            for (int i = this.recording.Count - 1; i >= 0; i--)
            {
                (string anchor, List<ParsingEvent> events, int depth) = this.recording[i];
                if (this.open.Count == depth)
                {
                    this.anchors[anchor] = events;
                    this.recording.RemoveAt(i);
                }
            }
        }

        private void Expand(AnchorAlias alias)
        {
            if (!this.anchors.TryGetValue(alias.Value.Value, out List<ParsingEvent>? events))
            {
                throw new InvalidDataException($"The alias *{alias.Value.Value} at line {alias.Start.Line} names no anchor defined before it.");
            }

            foreach (ParsingEvent replayed in events)
            {
                this.Handle(replayed, fromSource: false);
            }
        }

        private sealed class Frame
        {
            /// <summary>The keys read so far, for a mapping; null for a sequence.</summary>
            public HashSet<string>? Keys { get; init; }

            public bool ExpectKey { get; set; }
        }

        private static void CheckTag(NodeEvent node)
        {
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && !CoreTags.Contains(node.Tag.Value))
            {
                throw new InvalidDataException($"The YAML tag '{node.Tag.Value}' at line {node.Start.Line} is not supported; specs use plain YAML.");
            }
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, Scalar scalar)
    {
        string text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == CoreTagPrefix + "str"))
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(text[0] is 't' or 'T');
        }
        else if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
