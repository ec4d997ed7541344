using System.Collections.Generic;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The built-in receiver parts by name and setting, for callers that do not bring their own (the CLI, YAML files, tests):
/// <see cref="SharedChannelReceiverComponents.Create"/> turns them into parts. Immutable.
/// </summary>
public sealed record SharedChannelReceiverOptions
{
    /// <summary>Options of the built-in DM-RS channel estimator (<see cref="DmrsChannelEstimator"/>).</summary>
    public ChannelEstimatorOptions ChannelEstimator { get; init; } = new();

    /// <summary>Equalizer algorithm.</summary>
    public EqualizerAlgorithm Equalizer { get; init; } = EqualizerAlgorithm.Mmse;

    /// <summary>Equalizer implementation: <c>auto</c>, <c>avx2</c> or <c>generic</c> (<see cref="ChannelEqualizerFactory"/>).</summary>
    public string EqualizerImplementation { get; init; } = ImplementationNames.Auto;

    /// <summary>Soft-demapper implementation: <c>auto</c>, <c>avx2</c> or <c>generic</c> (<see cref="DemodulationMapperFactory"/>).</summary>
    public string DemapperImplementation { get; init; } = ImplementationNames.Auto;

    /// <summary>int8 LLR steps per natural-unit LLR (see <see cref="IDemodulationMapper"/>).</summary>
    public float LlrScale { get; init; } = DemodulationMapperFactory.DefaultLlrScale;

    /// <summary>Correct the common phase error measured on the PT-RS (when configured).</summary>
    public bool CompensateCommonPhaseError { get; init; } = true;

    /// <summary>Measure the EVM of the equalized data symbols.</summary>
    public bool MeasureEvm { get; init; } = true;

    /// <summary>The probability that noise alone passes the DTX test on the DM-RS, per slot, 1e-15..0.5 (default 1e-3).</summary>
    public double DtxFalseAlarmProbability { get; init; } = SharedChannelDemodulator.DefaultDtxFalseAlarmProbability;

    /// <summary>LDPC decoder implementation of the transport-block receivers: <c>auto</c>, <c>avx512</c>, <c>avx2</c> or <c>generic</c> (<see cref="LdpcDecoderFactory"/>).</summary>
    public string LdpcImplementation { get; init; } = LdpcDecoderFactory.Auto;

    /// <summary>LDPC decoder settings of the transport-block receivers (iteration limit, early termination, min-sum correction).</summary>
    public LdpcDecoderOptions Ldpc { get; init; } = LdpcDecoderOptions.Default;

    /// <summary>The problems of these options (each naming the value and the valid ones); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ChannelEstimator?.Validate() ?? ["ChannelEstimator is null; valid: a ChannelEstimatorOptions"]);
        if (!(LlrScale > 0 && LlrScale <= 1000))
        {
            problems.Add($"LlrScale = {LlrScale}; valid: (0, 1000]");
        }

        if (!(DtxFalseAlarmProbability >= 1e-15 && DtxFalseAlarmProbability <= 0.5))
        {
            problems.Add($"DtxFalseAlarmProbability = {DtxFalseAlarmProbability}; valid: 1e-15..0.5");
        }

        if (!System.Enum.IsDefined(Equalizer))
        {
            problems.Add($"Equalizer = {Equalizer}; valid: {string.Join(", ", System.Enum.GetNames<EqualizerAlgorithm>())}");
        }

        AddIfUnavailable(problems, nameof(EqualizerImplementation), EqualizerImplementation, ChannelEqualizerFactory.Family);
        AddIfUnavailable(problems, nameof(DemapperImplementation), DemapperImplementation, DemodulationMapperFactory.Family);
        AddIfUnavailable(problems, nameof(LdpcImplementation), LdpcImplementation, LdpcDecoderFactory.Family);
        if (Ldpc is null)
        {
            problems.Add("Ldpc is null; valid: an LdpcDecoderOptions");
        }

        return problems;
    }

    private static void AddIfUnavailable<TImplementation, TArguments>(List<string> problems, string property, string name, ImplementationFamily<TImplementation, TArguments> family)
        where TImplementation : class
    {
        if (!family.IsAvailable(name))
        {
            problems.Add($"{property} = '{name}'; {family.DescribeNames()}");
        }
    }
}
