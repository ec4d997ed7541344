using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// A CORESET other than CORESET#0 described by the user (<c>openran decode --coreset rb-start=…,rb-count=…,duration=…,
/// interleaved=true|false,reg-bundle=…,interleaver-size=…,shift=…</c>, or the same keys under <c>coreset:</c> in the
/// <c>--cell</c> YAML), for recordings without SIB1 (what srsRAN's <c>ue_dl_nr_file_test</c> takes). Contiguous RBs from
/// common RB <see cref="RbStart"/> (TS 38.211 §7.3.2.2: frequencyDomainResources in groups of 6 RBs).
/// </summary>
public sealed record UeCoresetDescription
{
    /// <summary>The keys of the text and YAML forms, in order.</summary>
    public static readonly string[] Keys = ["rb-start", "rb-count", "duration", "interleaved", "reg-bundle", "interleaver-size", "shift"];

    /// <summary>The first common RB (from point A) of the CORESET, 0..274.</summary>
    public int RbStart { get; init; }

    /// <summary>The number of RBs, a multiple of 6 (6..270).</summary>
    public int RbCount { get; init; }

    /// <summary>N_symb^CORESET, 1..3.</summary>
    public int Duration { get; init; } = 1;

    /// <summary>Interleaved CCE-to-REG mapping.</summary>
    public bool Interleaved { get; init; }

    /// <summary>L, the REG bundle size: 6 when non-interleaved; 2 or 6 (duration 1, 2) or 3 or 6 (duration 3) when interleaved.</summary>
    public int RegBundleSize { get; init; } = 6;

    /// <summary>R, the interleaver size: 2, 3 or 6 (interleaved only).</summary>
    public int InterleaverSize { get; init; } = 2;

    /// <summary>n_shift, 0..274 (interleaved only); null for N_ID^cell (shiftIndex absent).</summary>
    public int? Shift { get; init; }

    /// <summary>
    /// Parses <paramref name="text"/> (comma-separated <c>key=value</c>); every problem names <paramref name="option"/>,
    /// the key and its valid range.
    /// </summary>
    /// <exception cref="ArgumentException">A key is unknown, missing or out of range.</exception>
    public static UeCoresetDescription Parse(string text, string option = "--coreset")
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? pair : pair[..eq].Trim();
            if (eq < 0 || Array.IndexOf(Keys, key) < 0)
            {
                throw new ArgumentException($"{option}: '{pair}' is not key=value with a key of {string.Join(", ", Keys)}.");
            }

            if (!values.TryAdd(key, pair[(eq + 1)..].Trim()))
            {
                throw new ArgumentException($"{option} {key}: given twice.");
            }
        }

        var description = new UeCoresetDescription
        {
            RbStart = Int(values, "rb-start", option) ?? 0,
            RbCount = Int(values, "rb-count", option) ?? throw new ArgumentException($"{option} rb-count: missing; valid: a multiple of 6, 6..270 (TS 38.211 §7.3.2.2)."),
            Duration = Int(values, "duration", option) ?? 1,
            Interleaved = values.TryGetValue("interleaved", out string? interleaved) ? interleaved switch
            {
                "true" => true,
                "false" => false,
                _ => throw new ArgumentException($"{option} interleaved: {interleaved} is not valid; valid: true | false."),
            } : false,
            RegBundleSize = Int(values, "reg-bundle", option) ?? 6,
            InterleaverSize = Int(values, "interleaver-size", option) ?? 2,
            Shift = Int(values, "shift", option),
        };
        IReadOnlyList<string> problems = description.Validate(option);
        return problems.Count == 0 ? description : throw new ArgumentException(string.Join("; ", problems) + ".");
    }

    /// <summary>The problems of this description (TS 38.211 §7.3.2.2), each naming <paramref name="option"/>, the key and its valid range.</summary>
    public IReadOnlyList<string> Validate(string option = "--coreset") => [.. Problems().Select(p => $"{option} {p.Key}: {p.Reason}")];

    /// <summary>The problems of this description (TS 38.211 §7.3.2.2): the key and why, with its valid range.</summary>
    public IReadOnlyList<(string Key, string Reason)> Problems()
    {
        var problems = new List<(string Key, string Reason)>();
        if (RbStart is < 0 or > 274)
        {
            problems.Add(("rb-start", Invariant($"{RbStart} is not valid; valid: 0..274 (a common RB)")));
        }

        if (RbCount is < 6 or > 270 || RbCount % 6 != 0)
        {
            problems.Add(("rb-count", Invariant($"{RbCount} is not valid; valid: a multiple of 6, 6..270 (groups of 6 RBs, TS 38.211 §7.3.2.2)")));
        }
        else if (RbStart + RbCount > 275)
        {
            problems.Add(("rb-count", Invariant($"rb-start {RbStart} + rb-count {RbCount} ends beyond common RB 274; valid: rb-start + rb-count ≤ 275")));
        }

        if (Duration is < 1 or > 3)
        {
            problems.Add(("duration", Invariant($"{Duration} is not valid; valid: 1..3 symbols")));
            return problems;
        }

        if (!Interleaved)
        {
            if (RegBundleSize != 6)
            {
                problems.Add(("reg-bundle", Invariant($"{RegBundleSize} is not valid without interleaving; valid: 6")));
            }

            return problems;
        }

        if (Duration == 3 ? RegBundleSize is not (3 or 6) : RegBundleSize is not (2 or 6))
        {
            problems.Add(("reg-bundle", Invariant($"{RegBundleSize} is not valid for duration {Duration}; valid: {(Duration == 3 ? "3 | 6" : "2 | 6")}")));
        }

        if (InterleaverSize is not (2 or 3 or 6))
        {
            problems.Add(("interleaver-size", Invariant($"{InterleaverSize} is not valid; valid: 2 | 3 | 6")));
        }

        if (Shift is int shift && shift is < 0 or > 274)
        {
            problems.Add(("shift", Invariant($"{shift} is not valid; valid: 0..274")));
        }

        if (problems.Count == 0 && RbCount * Duration % (RegBundleSize * InterleaverSize) != 0)
        {
            problems.Add(("interleaver-size", Invariant($"rb-count {RbCount} × duration {Duration} = {RbCount * Duration} REGs is not a multiple of reg-bundle × interleaver-size = {RegBundleSize * InterleaverSize}; valid: N_REG/(L·R) a whole number (TS 38.211 §7.3.2.2)")));
        }

        return problems;
    }

    /// <summary>The CORESET (id 1, DM-RS from common RB 0, scrambled with N_ID^cell) in the cell <paramref name="pci"/>.</summary>
    public CoresetConfiguration ToConfiguration(int pci) => new(
        1,
        RbStart,
        [.. Enumerable.Repeat(true, RbCount / 6)],
        Duration,
        Interleaved ? CceRegMapping.Interleaved : CceRegMapping.NonInterleaved,
        RegBundleSize,
        Interleaved ? InterleaverSize : 0,
        Shift ?? pci,
        PrecoderGranularity.SameAsRegBundle,
        null);

    /// <summary>The description in the text form <see cref="Parse"/> reads.</summary>
    public override string ToString() => Invariant($"rb-start={RbStart},rb-count={RbCount},duration={Duration},interleaved={(Interleaved ? "true" : "false")},reg-bundle={RegBundleSize},interleaver-size={InterleaverSize}{(Shift is int s ? $",shift={s}" : "")}");

    private static int? Int(Dictionary<string, string> values, string key, string option)
    {
        if (!values.TryGetValue(key, out string? text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{option} {key}: '{text}' is not an integer.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
