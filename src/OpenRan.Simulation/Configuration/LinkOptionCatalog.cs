using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Reporting;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// The catalogue of every link-simulation option, shared by the command line and YAML configuration files so that both
/// accept exactly the same names and values and fail with the same messages.
/// </summary>
public static class LinkOptionCatalog
{
    private static readonly LinkOptionSpec[] s_options =
    [
        Scalar("preset", "A TS 38.104 fixed reference channel (sets SCS, PRBs, modulation, rate, layers, DM-RS): " + string.Join(", ", Ts38104AnnexA.All.Select(f => f.Name)) + ".",
            (o, v) => o.ApplyPreset(Ts38104AnnexA.Find(v))),
        Scalar("scs-khz", "Subcarrier spacing in kHz: 15, 30, 60, 120.", (o, v) => o.SubcarrierSpacingKhz = Int(v)),
        Scalar("grid-prbs", "Carrier bandwidth in resource blocks, 1 … 275.", (o, v) => o.GridPrbs = Int(v)),
        Scalar("prb-start", "First allocated PRB.", (o, v) => o.PrbStart = Int(v)),
        Scalar("prbs", "Allocated PRBs (default: the rest of the grid).", (o, v) => o.PrbCount = Int(v)),
        Scalar("symbol-start", "First allocated OFDM symbol, 0 … 13.", (o, v) => o.SymbolStart = Int(v)),
        Scalar("symbols", "Allocated OFDM symbols, 1 … 14.", (o, v) => o.SymbolCount = Int(v)),
        Scalar("mcs-table", "MCS table: qam64, qam256, qam64-low-se.", (o, v) => o.McsTable = Enum<McsTable>(v)),
        Scalar("mcs", "MCS index (TS 38.214 Table 5.1.3.1-x); replaces modulation/target-rate.", (o, v) =>
        {
            o.Mcs = Int(v);
            o.Modulation = null;
            o.TargetCodeRate = null;
        }),
        Scalar("modulation", "Explicit modulation: bpsk, pi/2-bpsk, qpsk, 16qam, 64qam, 256qam (with target-rate).", (o, v) =>
        {
            o.Modulation = ParseModulation(v);
            o.Mcs = null;
        }),
        Scalar("target-rate", "Explicit target code rate: a fraction (0.5) or x/1024 (193/1024).", (o, v) =>
        {
            o.TargetCodeRate = ParseRate(v);
            o.Mcs = null;
        }),
        Scalar("layers", "Transmission layers, 1 … 4.", (o, v) => o.Layers = Int(v)),
        Scalar("tx-antennas", "Transmit antennas: 1, 2, 4, 8.", (o, v) => o.TxAntennas = Int(v)),
        Scalar("rx-antennas", "Receive antennas: 1, 2, 4, 8.", (o, v) => o.RxAntennas = Int(v)),
        Scalar("dmrs-type", "DM-RS configuration type: 1 or 2.", (o, v) => o.DmrsConfigurationType = Int(v)),
        Scalar("dmrs-type-a-position", "First DM-RS symbol for mapping type A: 2 or 3.", (o, v) => o.DmrsTypeAPosition = Int(v)),
        Scalar("dmrs-additional-position", "DM-RS additional positions: 0 … 3.", (o, v) => o.DmrsAdditionalPosition = Int(v)),
        Scalar("dmrs-length", "DM-RS length: 1 (single) or 2 (double symbol).", (o, v) => o.DmrsLength = Int(v)),
        Scalar("dmrs-cdm-groups-without-data", "DM-RS CDM groups without data: 1 … 3.", (o, v) => o.DmrsCdmGroupsWithoutData = Int(v)),
        Scalar("harq-processes", "HARQ processes used in turn, 1 … 32 (a retransmission follows after this many slots; default 16).", (o, v) => o.HarqProcesses = Int(v)),
        Scalar("harq-max-transmissions", "Most transmissions per transport block (1 = no HARQ), 1 … 16.", (o, v) => o.HarqMaxTransmissions = Int(v)),
        List("rv-sequence", "Redundancy versions of successive transmissions (default 0,2,3,1).", (o, v) => o.RvSequence = v.Select(Int).ToArray()),
        Scalar("propagation", "Propagation condition: AWGN, FLAT-<fD>, TDLA30-10, TDLB100-400, TDLC300-100, TDL<X><DS ns>-<fD Hz>[-low|-medium|-high].", (o, v) =>
        {
            _ = PropagationConditions.Parse(v);
            o.Propagation = v.Trim();
        }),
        Scalar("correlation", "Antenna correlation: low, medium, medium-a, high (overrides a suffix in the propagation name).", (o, v) => o.Correlation = PropagationConditions.ParseCorrelation(v)),
        Scalar("cfo-hz", "Carrier frequency offset in Hz.", (o, v) => o.CfoHz = Double(v)),
        Scalar("timing-offset-ns", "Timing offset in ns.", (o, v) => o.TimingOffsetNs = Double(v)),
        Scalar("phase-noise-hz", "Wiener phase-noise linewidth in Hz (0 = off).", (o, v) => o.PhaseNoiseHz = Double(v)),
        List("snr-db", "SNR points in dB per RE per Rx antenna: values and ranges start:step:stop, e.g. -4:0.5:2.", (o, v) => o.SnrDb = ParseSnr(v)),
        Scalar("min-block-errors", "Stop an SNR point after this many transmission errors (0 = run to max-slots).", (o, v) => o.MinBlockErrors = Long(v)),
        Scalar("max-slots", "Most slots per SNR point.", (o, v) => o.MaxSlots = Long(v)),
        Scalar("batch-slots", "Slots per work unit.", (o, v) => o.BatchSlots = Int(v)),
        Scalar("seed", "Master seed (0 … 2^64 − 1).", (o, v) => o.Seed = ULong(v)),
        Scalar("threads", "Worker threads (default: all cores).", (o, v) => o.Threads = Int(v)),
        Scalar("channel-estimation", "Channel knowledge: estimated (DM-RS, the channel-estimator's) or perfect.", (o, v) => o.ChannelEstimation = Enum<ChannelKnowledge>(v)),
        Scalar("channel-estimator", "Channel estimator: " + string.Join(", ", LinkSimulationOptions.ChannelEstimatorNames) + " (DM-RS least squares with smoothed linear or Wiener interpolation, or the true channel).",
            (o, v) => o.ChannelEstimator = Name(v, LinkSimulationOptions.ChannelEstimatorNames)),
        Scalar("equalizer", "Equalizer: " + string.Join(", ", ChannelEqualizerFactory.AlgorithmNames) + " (zero forcing or unbiased MMSE).",
            (o, v) => o.Equalizer = ChannelEqualizerFactory.AlgorithmName(Parse(() => ChannelEqualizerFactory.ParseAlgorithm(v)))),
        Scalar("equalizer-implementation", "Equalizer implementation: " + string.Join(", ", ChannelEqualizerFactory.Family.Names) + ".", (o, v) => o.EqualizerImplementation = Implementation(ChannelEqualizerFactory.Family, v)),
        Scalar("demapper", "Soft-demapper implementation: " + string.Join(", ", DemodulationMapperFactory.Family.Names) + ".", (o, v) => o.Demapper = Implementation(DemodulationMapperFactory.Family, v)),
        Scalar("ldpc-decoder", "LDPC decoder implementation: " + string.Join(", ", LdpcDecoderFactory.Family.Names) + ".", (o, v) => o.LdpcDecoder = Implementation(LdpcDecoderFactory.Family, v)),
        Scalar("ldpc-iterations", "LDPC decoder iteration limit, 1 … 100 (default 10).", (o, v) => o.LdpcIterations = Int(v)),
        Flag("ldpc-early-termination", "Stop decoding a code block once its parity checks and CRC pass (default true).", (o, v) => o.LdpcEarlyTermination = v),
        Scalar("output", "Output path prefix: writes PREFIX.csv, PREFIX.json and the plot PREFIX.png or .svg (default results/openran-sim).", (o, v) => o.Output = v),
        Scalar("plot-format", "Plot image format: png or svg (default png).", (o, v) => o.PlotFormat = Parse(() => ResultFigure.ParseFormat(v, "plot-format"))),
        Scalar("shard", "Run one slice i/N of the sweep (/N: index from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).", (o, v) => o.Shard = v),
        Flag("requirement", "Print the SNR at 70 % throughput next to the 3GPP requirement.", (o, v) => o.Requirement = v),
        Flag("plot", "Write the plot (default true).", (o, v) => o.Plot = v),
        Scalar("n-id-cell", "Physical cell identity, 0 … 1007.", (o, v) => o.NIdCell = Int(v)),
        Scalar("rnti", "RNTI, 1 … 65519.", (o, v) => o.Rnti = Int(v)),
    ];

    /// <summary>Every option.</summary>
    public static IReadOnlyList<LinkOptionSpec> All => s_options;

    /// <summary>The option named <paramref name="name"/>, or null.</summary>
    public static LinkOptionSpec? Find(string name) => Array.Find(s_options, o => o.Name == name);

    /// <summary>Parses a boolean: true/false, yes/no, on/off, 1/0.</summary>
    public static bool ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new FormatException($"'{text}' is not a boolean; valid: true, false."),
    };

    /// <summary>Parses SNR values and ranges (start:step:stop, inclusive of stop within 1e-9).</summary>
    public static double[] ParseSnr(IReadOnlyList<string> values)
    {
        var snr = new List<double>();
        foreach (string value in values)
        {
            string[] parts = value.Split(':');
            if (parts.Length == 1)
            {
                snr.Add(Double(parts[0]));
                continue;
            }

            if (parts.Length != 3)
            {
                throw new FormatException($"'{value}' is not an SNR or a range start:step:stop.");
            }

            double start = Double(parts[0]);
            double step = Double(parts[1]);
            double stop = Double(parts[2]);
            if (!(step > 0) || stop < start || (stop - start) / step > 1000)
            {
                throw new FormatException($"'{value}': a range needs step > 0, stop ≥ start and at most 1000 points.");
            }

            for (int i = 0; start + (i * step) <= stop + 1e-9; i++)
            {
                snr.Add(Math.Round(start + (i * step), 9));
            }
        }

        return snr.ToArray();
    }

    /// <summary>A name from <paramref name="valid"/> (trimmed, case-insensitive).</summary>
    private static string Name(string text, IReadOnlyList<string> valid)
    {
        string key = ImplementationNames.Normalize(text);
        return valid.Contains(key) ? key : throw new FormatException($"'{text}' is not valid; valid: {string.Join(", ", valid)}.");
    }

    /// <summary>An implementation name of <paramref name="family"/> that runs here, normalized (auto stays auto).</summary>
    private static string Implementation(IImplementationFamily family, string text)
    {
        string key = ImplementationNames.Normalize(text);
        _ = Parse(() => family.Resolve(key));
        return key;
    }

    /// <summary>Turns the factories' <see cref="ArgumentException"/> into the <see cref="FormatException"/> option parsers report.</summary>
    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Split(" (Parameter", 2)[0], e);
        }
    }

    private static LinkOptionSpec Scalar(string name, string description, Action<LinkSimulationOptions, string> apply) =>
        new(name, description, LinkOptionKind.Scalar, (o, v) => apply(o, Single(name, v)));

    private static LinkOptionSpec List(string name, string description, Action<LinkSimulationOptions, IReadOnlyList<string>> apply) =>
        new(name, description, LinkOptionKind.List, (o, v) => apply(o, v.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray()));

    private static LinkOptionSpec Flag(string name, string description, Action<LinkSimulationOptions, bool> apply) =>
        new(name, description, LinkOptionKind.Flag, (o, v) => apply(o, ParseBool(Single(name, v))));

    private static string Single(string name, IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : throw new FormatException($"{name} takes one value; got {values.Count}.");

    private static int Int(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new FormatException($"'{text}' is not an integer.");

    private static long Long(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException($"'{text}' is not an integer.");

    private static ulong ULong(string text) =>
        ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : throw new FormatException($"'{text}' is not a non-negative integer below 2^64.");

    private static double Double(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : throw new FormatException($"'{text}' is not a number.");

    private static double ParseRate(string text)
    {
        string t = text.Trim();
        int slash = t.IndexOf('/', StringComparison.Ordinal);
        double rate = slash < 0 ? Double(t) : Double(t[..slash]) / Double(t[(slash + 1)..]);
        return rate is > 0 and < 1 ? rate : throw new FormatException($"'{text}' is not a code rate; valid: 0 < R < 1, e.g. 0.5 or 193/1024.");
    }

    private static ModulationScheme ParseModulation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "bpsk" => ModulationScheme.Bpsk,
        "pi/2-bpsk" or "pi2bpsk" or "pi2-bpsk" => ModulationScheme.Pi2Bpsk,
        "qpsk" => ModulationScheme.Qpsk,
        "16qam" or "qam16" => ModulationScheme.Qam16,
        "64qam" or "qam64" => ModulationScheme.Qam64,
        "256qam" or "qam256" => ModulationScheme.Qam256,
        _ => throw new FormatException($"'{text}' is not a modulation; valid: bpsk, pi/2-bpsk, qpsk, 16qam, 64qam, 256qam."),
    };

    private static T Enum<T>(string text)
        where T : struct, Enum
    {
        string key = text.Trim().Replace("-", "", StringComparison.Ordinal);
        foreach (T value in System.Enum.GetValues<T>())
        {
            if (value.ToString().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        string valid = string.Join(", ", System.Enum.GetNames<T>().Select(KebabCase));
        throw new FormatException($"'{text}' is not valid; valid: {valid}.");
    }

    private static string KebabCase(string pascal)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
