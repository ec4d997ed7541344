using System;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The parts a shared-channel receiver is assembled from, handed to <see cref="SharedChannelDemodulator"/> and
/// <see cref="SharedChannelReceiver"/> (in the manner of srsRAN's <c>pusch_processor_configuration</c>): the channel
/// estimator, the equalizer, the soft demapper and the LDPC decoder of the transport-block decoder (rate dematching and
/// CRC checks are fixed by TS 38.212 and live in <see cref="ChannelCoding.SharedChannel.SharedChannelDecoder"/>).
/// Replace any part with a researcher's own implementation: <c>Create(options) with { Equalizer = mine }</c>.
/// </summary>
/// <remarks>The parts are owned by the receiver they are handed to (processors are not thread-safe); build one set per receiver.</remarks>
public sealed record SharedChannelReceiverComponents
{
    /// <summary>The channel estimator (the built-in: <see cref="DmrsChannelEstimator"/>).</summary>
    public required IChannelEstimator Estimator { get; init; }

    /// <summary>The MIMO equalizer (the built-ins: <see cref="ChannelEqualizerFactory"/>).</summary>
    public required IChannelEqualizer Equalizer { get; init; }

    /// <summary>The soft demapper (the built-ins: <see cref="DemodulationMapperFactory"/>).</summary>
    public required IDemodulationMapper Demapper { get; init; }

    /// <summary>The LDPC decoder of the transport-block decoder; only <see cref="SharedChannelReceiver"/> needs it.</summary>
    public ILdpcDecoder? LdpcDecoder { get; init; }

    /// <summary>Correct the common phase error measured on the PT-RS (when configured).</summary>
    public bool CompensateCommonPhaseError { get; init; } = true;

    /// <summary>Measure the EVM of the equalized data symbols.</summary>
    public bool MeasureEvm { get; init; } = true;

    /// <summary>
    /// The probability that noise alone passes the DTX test on the DM-RS, per slot, 1e-15..0.5 (default
    /// <see cref="SharedChannelDemodulator.DefaultDtxFalseAlarmProbability"/>, 1e-3).
    /// </summary>
    public double DtxFalseAlarmProbability { get; init; } = SharedChannelDemodulator.DefaultDtxFalseAlarmProbability;

    /// <summary>The built-in parts named by <paramref name="options"/>, sized for the given ports and layers.</summary>
    /// <param name="options">The built-in choices (validated here).</param>
    /// <param name="maxRxPorts">Receive ports, 1..8 (sizes the estimator).</param>
    /// <param name="maxLayers">Layers, 1..4 (sizes the estimator).</param>
    /// <exception cref="ArgumentException">The options name an unknown or unavailable implementation, or hold a bad value.</exception>
    public static SharedChannelReceiverComponents Create(SharedChannelReceiverOptions? options = null, int maxRxPorts = 4, int maxLayers = 4)
    {
        options ??= new SharedChannelReceiverOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid receiver options: {string.Join("; ", problems)}.", nameof(options));
        }

        return new SharedChannelReceiverComponents
        {
            Estimator = new DmrsChannelEstimator(maxRxPorts, maxLayers, options.ChannelEstimator),
            Equalizer = ChannelEqualizerFactory.Create(options.Equalizer, options.EqualizerImplementation),
            Demapper = DemodulationMapperFactory.Create(options.DemapperImplementation, options.LlrScale),
            LdpcDecoder = LdpcDecoderFactory.Create(options.LdpcImplementation, options.Ldpc),
            CompensateCommonPhaseError = options.CompensateCommonPhaseError,
            MeasureEvm = options.MeasureEvm,
            DtxFalseAlarmProbability = options.DtxFalseAlarmProbability,
        };
    }
}
