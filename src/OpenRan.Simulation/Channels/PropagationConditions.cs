using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A named propagation condition: the delay profile, the maximum Doppler frequency and the antenna correlation, as the
/// 3GPP performance requirements name them — "TDLA30-10" is the TDLA30 profile with f_D = 10 Hz (TS 38.104 Annex G.2.2,
/// TS 38.101-4 Annex B.2.2: TDL&lt;model&gt;&lt;DS&gt;-&lt;Doppler&gt;) — plus the impairments (frequency and timing offset, phase
/// noise) that apply on top.
/// </summary>
/// <remarks>
/// Grammar of <see cref="Parse"/> (case-insensitive): <c>AWGN</c> (no fading); <c>FLAT-&lt;fD&gt;</c> (one Rayleigh tap);
/// <c>TDL[-]&lt;X&gt;&lt;DS&gt;-&lt;fD&gt;[-&lt;correlation&gt;]</c> with X in A…E, DS the RMS delay spread in ns, fD in Hz and the optional
/// correlation low, medium, medium-a or high (the suffix used in test names such as "TDLB100-400-Low"). TDLA30, TDLB100
/// and TDLC300 are the fixed 12-tap profiles of TS 38.104 Tables G.2.1.1-2…4; every other combination is the scalable TR
/// 38.901 model (Tables 7.7.2-1…5) scaled to DS.
/// </remarks>
public sealed partial record PropagationConditions
{
    /// <summary>The canonical name, e.g. <c>TDLB100-400</c> or <c>AWGN</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The power delay profile; null for AWGN (a single static tap).</summary>
    public PowerDelayProfile? Profile { get; init; }

    /// <summary>The maximum Doppler frequency f_D in Hz.</summary>
    public double MaximumDopplerHz { get; init; }

    /// <summary>The spatial correlation level (low when not named).</summary>
    public MimoCorrelationLevel Correlation { get; init; } = MimoCorrelationLevel.Low;

    /// <summary>A carrier frequency offset applied after the channel, in Hz.</summary>
    public double FrequencyOffsetHz { get; init; }

    /// <summary>A timing offset (extra delay of every path), in seconds (0 … 1 ms).</summary>
    public double TimingOffsetSeconds { get; init; }

    /// <summary>Wiener phase-noise linewidth in Hz (0 = off).</summary>
    public double PhaseNoiseLinewidthHz { get; init; }

    /// <summary>True when the channel fades (a profile is set).</summary>
    public bool IsFading => Profile is not null;

    /// <summary>Additive white Gaussian noise only (a single static tap).</summary>
    public static PropagationConditions Awgn { get; } = new() { Name = "AWGN" };

    /// <summary>Parses a propagation-condition name (see the remarks for the grammar).</summary>
    /// <exception cref="FormatException">The name does not follow the grammar; the message lists the accepted forms.</exception>
    public static PropagationConditions Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        if (trimmed.Equals("AWGN", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("static", StringComparison.OrdinalIgnoreCase))
        {
            return Awgn;
        }

        Match flat = FlatPattern().Match(trimmed);
        if (flat.Success)
        {
            double fd = double.Parse(flat.Groups["fd"].Value, CultureInfo.InvariantCulture);
            return new PropagationConditions
            {
                Name = FormattableString.Invariant($"FLAT-{fd:G6}"),
                Profile = PowerDelayProfile.FlatRayleigh(),
                MaximumDopplerHz = CheckDoppler(fd, name),
            };
        }

        Match tdl = TdlPattern().Match(trimmed);
        if (!tdl.Success)
        {
            throw new FormatException(
                $"'{name}' is not a propagation condition; expected AWGN, FLAT-<fD Hz>, or TDL<A..E><delay spread ns>-<fD Hz>[-low|-medium|-medium-a|-high], e.g. TDLA30-10, TDLB100-400, TDLC300-100, TDLD30-75.");
        }

        char model = char.ToUpperInvariant(tdl.Groups["model"].Value[0]);
        double delaySpreadNs = double.Parse(tdl.Groups["ds"].Value, CultureInfo.InvariantCulture);
        double doppler = CheckDoppler(double.Parse(tdl.Groups["fd"].Value, CultureInfo.InvariantCulture), name);
        if (!(delaySpreadNs > 0 && delaySpreadNs <= 10_000))
        {
            throw new FormatException($"'{name}': delay spread {delaySpreadNs} ns is out of range; valid: 0 < DS ≤ 10000 ns.");
        }

        MimoCorrelationLevel correlation = MimoCorrelationLevel.Low;
        if (tdl.Groups["corr"].Success)
        {
            correlation = ParseCorrelation(tdl.Groups["corr"].Value);
        }

        PowerDelayProfile profile = (model, delaySpreadNs) switch
        {
            ('A', 30) => Ts38104TableG_2_1_1.Create(FixedTdlProfile.Tdla30),
            ('B', 100) => Ts38104TableG_2_1_1.Create(FixedTdlProfile.Tdlb100),
            ('C', 300) => Ts38104TableG_2_1_1.Create(FixedTdlProfile.Tdlc300),
            _ => Tr38901Table7_7_2.Create((TdlModel)(model - 'A'), delaySpreadNs * 1e-9),
        };
        return new PropagationConditions
        {
            Name = FormattableString.Invariant($"TDL{model}{delaySpreadNs:G6}-{doppler:G6}"),
            Profile = profile,
            MaximumDopplerHz = doppler,
            Correlation = correlation,
        };
    }

    /// <summary>Parses a correlation level name: low, medium, medium-a (or mediuma) or high.</summary>
    public static MimoCorrelationLevel ParseCorrelation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "low" => MimoCorrelationLevel.Low,
            "medium" => MimoCorrelationLevel.Medium,
            "medium-a" or "mediuma" => MimoCorrelationLevel.MediumA,
            "high" => MimoCorrelationLevel.High,
            _ => throw new FormatException($"'{text}' is not a correlation level; valid: low, medium, medium-a, high."),
        };
    }

    /// <summary>
    /// Builds the fading part of the channel at <paramref name="sampleRateHz"/> for the given antennas and direction
    /// (AWGN: a single static tap carrying the timing offset).
    /// </summary>
    public MultipathFadingChannel CreateChannel(double sampleRateHz, int txAntennaCount, int rxAntennaCount, LinkDirection direction)
    {
        MimoCorrelation? correlation = Correlation == MimoCorrelationLevel.Low
            ? null
            : MimoCorrelation.FromLevel(Correlation, direction, txAntennaCount, rxAntennaCount);
        return new MultipathFadingChannel(new MultipathChannelOptions
        {
            Profile = Profile ?? PowerDelayProfile.SingleStaticTap(),
            SampleRateHz = sampleRateHz,
            MaximumDopplerHz = MaximumDopplerHz,
            TxAntennaCount = txAntennaCount,
            RxAntennaCount = rxAntennaCount,
            Correlation = correlation,
            TimingOffsetSeconds = TimingOffsetSeconds,
        });
    }

    /// <summary>
    /// The name with the MIMO correlation as TS 38.104 writes the conditions, e.g. <c>TDLA30-10-medium</c> (fading), or the
    /// name alone (<c>AWGN</c>), for titles.
    /// </summary>
    public string Label => IsFading ? $"{Name}-{CorrelationName(Correlation)}" : Name;

    /// <summary>low, medium, medium-a or high.</summary>
    public static string CorrelationName(MimoCorrelationLevel level) => level switch
    {
        MimoCorrelationLevel.MediumA => "medium-a",
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>A description for reports: name, correlation and impairments.</summary>
    public string Describe()
    {
        string text = Name;
        if (IsFading)
        {
            text += $", {CorrelationName(Correlation)} correlation";
        }

        if (FrequencyOffsetHz != 0)
        {
            text += FormattableString.Invariant($", CFO {FrequencyOffsetHz} Hz");
        }

        if (TimingOffsetSeconds != 0)
        {
            text += FormattableString.Invariant($", timing offset {TimingOffsetSeconds * 1e9} ns");
        }

        if (PhaseNoiseLinewidthHz != 0)
        {
            text += FormattableString.Invariant($", phase noise {PhaseNoiseLinewidthHz} Hz linewidth");
        }

        return text;
    }

    private static double CheckDoppler(double doppler, string name) =>
        doppler is >= 0 and <= 10_000 ? doppler : throw new FormatException($"'{name}': Doppler {doppler} Hz is out of range; valid: 0 … 10000 Hz.");

    [GeneratedRegex(@"^FLAT-(?<fd>\d+(\.\d+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlatPattern();

    [GeneratedRegex(@"^TDL-?(?<model>[A-E])(?<ds>\d+(\.\d+)?)-(?<fd>\d+(\.\d+)?)(-(?<corr>low|medium-a|mediuma|medium|high))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TdlPattern();
}
