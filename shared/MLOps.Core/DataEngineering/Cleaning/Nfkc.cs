using System.Globalization;
using System.Text;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Unicode NFKC (UAX #15: compatibility decomposition, canonical ordering, canonical composition) from generated
/// tables. Needed because the hosts run with InvariantGlobalization, where <see cref="string.Normalize()"/> returns
/// non-ASCII text unchanged; the tables follow <see cref="NfkcData.UnicodeVersion"/>.
/// </summary>
internal static class Nfkc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Lazy<Tables> Data = new(Tables.Load);

    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        Tables tables = Data.Value;
        var points = new List<int>(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            Decompose(rune.Value, tables, points);
        }

        Reorder(points, tables);
        Compose(points, tables);
        var result = new StringBuilder(points.Count);
        foreach (int point in points)
        {
            result.Append(char.ConvertFromUtf32(point));
        }

        return result.ToString();
    }

    private static void Decompose(int point, Tables tables, List<int> output)
    {
        int s = point - SBase;
        if (s is >= 0 and < SCount)
        {
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            if (s % TCount != 0)
            {
                output.Add(TBase + (s % TCount));
            }
        }
        else if (tables.Decompositions.TryGetValue(point, out int[]? expansion))
        {
            output.AddRange(expansion);
        }
        else
        {
            output.Add(tables.Singles.TryGetValue(point, out int single) ? single : point);
        }
    }

    /// <summary>Stable sort of each run of non-starters by combining class (the canonical ordering algorithm).</summary>
    private static void Reorder(List<int> points, Tables tables)
    {
        for (int i = 1; i < points.Count; i++)
        {
            int cc = tables.ClassOf(points[i]);
            for (int j = i; cc != 0 && j > 0 && tables.ClassOf(points[j - 1]) > cc; j--)
            {
                (points[j - 1], points[j]) = (points[j], points[j - 1]);
            }
        }
    }

    private static void Compose(List<int> points, Tables tables)
    {
        var result = new List<int>(points.Count);
        int starter = -1;
        foreach (int point in points)
        {
            int cc = tables.ClassOf(point);
            if (starter >= 0)
            {
                int previous = tables.ClassOf(result[^1]);
                bool blocked = result.Count - 1 != starter && (previous == 0 || previous >= cc);
                if (!blocked && TryCompose(result[starter], point, tables, out int composite))
                {
                    result[starter] = composite;
                    continue;
                }
            }

            if (cc == 0)
            {
                starter = result.Count;
            }

            result.Add(point);
        }

        points.Clear();
        points.AddRange(result);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composite)
    {
        int l = first - LBase, v = second - VBase, s = first - SBase, t = second - TBase;
        if (l is >= 0 and < LCount && v is >= 0 and < VCount)
        {
            composite = SBase + (((l * VCount) + v) * TCount);
            return true;
        }

        if (s is >= 0 and < SCount && s % TCount == 0 && t is > 0 and < TCount)
        {
            composite = first + t;
            return true;
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private sealed class Tables
    {
        public Dictionary<int, int> Singles { get; } = [];

        public Dictionary<int, int[]> Decompositions { get; } = [];

        public Dictionary<int, int> Classes { get; } = [];

        public Dictionary<long, int> Compositions { get; } = [];

        public int ClassOf(int point) => point < 0x300 ? 0 : this.Classes.GetValueOrDefault(point);

        public static Tables Load()
        {
            var tables = new Tables();
            foreach (string entry in Entries(NfkcData.SingleMappings))
            {
                int sign = entry.IndexOfAny(['+', '-']);
                (int from, int to) = Range(entry[..sign]);
                int delta = int.Parse(entry.AsSpan(sign + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                delta = entry[sign] == '-' ? -delta : delta;
                for (int point = from; point <= to; point++)
                {
                    tables.Singles[point] = point + delta;
                }
            }

            foreach (string entry in Entries(NfkcData.Decompositions))
            {
                string[] parts = entry.Split(':');
                tables.Decompositions[Hex(parts[0])] = parts[1].Split(' ').Select(Hex).ToArray();
            }

            foreach (string entry in Entries(NfkcData.CombiningClasses))
            {
                string[] parts = entry.Split(':');
                (int from, int to) = Range(parts[0]);
                for (int point = from; point <= to; point++)
                {
                    tables.Classes[point] = int.Parse(parts[1], CultureInfo.InvariantCulture);
                }
            }

            foreach (string entry in Entries(NfkcData.Compositions))
            {
                string[] parts = entry.Split(':', ' ');
                tables.Compositions[((long)Hex(parts[0]) << 21) | (uint)Hex(parts[1])] = Hex(parts[2]);
            }

            return tables;
        }

        private static string[] Entries(string data) => data.Split(';', StringSplitOptions.RemoveEmptyEntries);

        private static (int From, int To) Range(string text)
        {
            int dots = text.IndexOf("..", StringComparison.Ordinal);
            return dots < 0 ? (Hex(text), Hex(text)) : (Hex(text[..dots]), Hex(text[(dots + 2)..]));
        }

        private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
