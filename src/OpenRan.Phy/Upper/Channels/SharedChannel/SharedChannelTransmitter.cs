using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Transport block to resource grid for PDSCH or PUSCH: DL-SCH/UL-SCH encoding (TS 38.212 §7.2/§6.2: CRC, segmentation,
/// LDPC, rate matching for one redundancy version) into the slot's G coded bits, then the <see cref="SharedChannelModulator"/>.
/// </summary>
/// <remarks>
/// A PUSCH configuration with <see cref="SharedChannelConfiguration.MultiplexedUci"/> multiplexes UCI into the codeword
/// (TS 38.212 §6.2.7): the UL-SCH is rate-matched to G^UL-SCH, each UCI part is coded to its E_UCI
/// (<see cref="PuschUciEncoder"/>, lengths from β_offset and α, <see cref="PuschUciLengths"/>), and the fields are placed by
/// the configuration's <see cref="PuschUciMultiplexingPlan"/> before scrambling.
/// <see cref="Modulate"/> is the second half alone: the entry point for codewords that multiplex more than the
/// shared-channel data (UCI on PUSCH places its bits in the G-bit codeword before scrambling). The codeword buffer is sized
/// at construction for the largest slot; processing allocates nothing. Not thread-safe.
/// </remarks>
public sealed class SharedChannelTransmitter
{
    private readonly SharedChannelEncoder _encoder = new();
    private readonly PuschUciPlanCache _uciPlans = new();
    private readonly PuschUciEncoder _uciEncoder = new();
    private readonly byte[] _codeword;
    private readonly byte[] _fields; // UL-SCH, HARQ-ACK, CSI part 1, CSI part 2 coded bits, back to back (≤ 2G)
    private PuschUciLengths _lastLengths;
    private int _lastLength;

    /// <summary>Creates the chain for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public SharedChannelTransmitter(int maxLayers = 4)
        : this(new SharedChannelModulator(maxLayers))
    {
    }

    /// <summary>Creates the chain around a modulator.</summary>
    public SharedChannelTransmitter(SharedChannelModulator modulator)
    {
        ArgumentNullException.ThrowIfNull(modulator);
        Modulator = modulator;
        _codeword = new byte[SharedChannelDataMapper.MaxCodewordLength(modulator.MaxLayers)];
        _fields = new byte[2 * _codeword.Length];
    }

    /// <summary>The modulator (codeword to grid).</summary>
    public SharedChannelModulator Modulator { get; }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => Modulator.MaxLayers;

    /// <summary>The transport block size A of a configuration (validated on first use).</summary>
    public int TransportBlockSize(SharedChannelConfiguration configuration) => Modulator.CodingParameters(configuration).TransportBlockSize;

    /// <summary>The coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(SharedChannelConfiguration configuration) => Modulator.CodingParameters(configuration);

    /// <summary>The codeword of the last processed slot (G bits before scrambling; UCI placeholders as 0xFF and 0xFE).</summary>
    public ReadOnlySpan<byte> LastCodeword => _codeword.AsSpan(0, _lastLength);

    /// <summary>
    /// The coded bits of one field of the last slot processed with UCI (TS 38.212 §6.2.7: g^UL-SCH, g^ACK, g^CSI-part1,
    /// g^CSI-part2 before multiplexing); empty for a field not carried.
    /// </summary>
    public ReadOnlySpan<byte> LastField(PuschCodewordField field) => FieldSlice(_fields, _lastLengths, field);

    /// <summary>The UCI multiplexing plan of a configuration that carries UCI (built on first use, then cached).</summary>
    public PuschUciMultiplexingPlan UciPlan(SharedChannelConfiguration configuration) =>
        _uciPlans.Get(configuration, Modulator.Layout(configuration), Modulator.CodingParameters(configuration));

    /// <summary>Encodes one transmission of a transport block and maps it, with its reference signals, onto <paramref name="grid"/>.</summary>
    /// <param name="configuration">The channel configuration (validated on first use, then cached).</param>
    /// <param name="transportBlock">a_0 … a_(A−1), one bit per byte, A = <see cref="TransportBlockSize"/>.</param>
    /// <param name="redundancyVersion">rv_id, 0..3.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="grid">Receives the slot (reconfigured and cleared to the carrier).</param>
    public void Process(SharedChannelConfiguration configuration, ReadOnlySpan<byte> transportBlock, int redundancyVersion, int slot, ResourceGrid grid) =>
        Process(configuration, transportBlock, default, redundancyVersion, slot, grid);

    /// <summary>
    /// Encodes one transmission of a transport block and the UCI multiplexed with it (TS 38.212 §6.2.7, §6.3.2) and maps the
    /// codeword, with its reference signals, onto <paramref name="grid"/>. Without <see cref="SharedChannelConfiguration.MultiplexedUci"/>
    /// the payload must be empty and this is the UL-SCH/DL-SCH chain alone.
    /// </summary>
    /// <param name="configuration">The channel configuration (validated on first use, then cached).</param>
    /// <param name="transportBlock">a_0 … a_(A−1); empty for a PUSCH without UL-SCH.</param>
    /// <param name="uci">The UCI bits, lengths equal to the configured O_ACK, O_CSI-1, O_CSI-2.</param>
    /// <param name="redundancyVersion">rv_id of the UL-SCH, 0..3.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="grid">Receives the slot (reconfigured and cleared to the carrier).</param>
    public void Process(SharedChannelConfiguration configuration, ReadOnlySpan<byte> transportBlock, PuschUciPayload uci, int redundancyVersion, int slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PuschUciConfiguration? uciConfiguration = configuration.MultiplexedUci;
        if (uciConfiguration is not null)
        {
            ProcessWithUci(configuration, uciConfiguration, transportBlock, uci, redundancyVersion, slot, grid);
            return;
        }

        if (!uci.HarqAck.IsEmpty || !uci.CsiPart1.IsEmpty || !uci.CsiPart2.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(uci), "UCI bits were given but the configuration carries no UCI (set PuschConfiguration.Uci).");
        }

        SharedChannelCodingParameters parameters = Modulator.CodingParameters(configuration);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        Span<byte> codeword = _codeword.AsSpan(0, Modulator.CodewordLength(configuration));
        _encoder.Encode(transportBlock, parameters, redundancyVersion, codeword);
        Modulator.Modulate(configuration, codeword, slot, grid);
        _lastLength = codeword.Length;
        _lastLengths = default;
    }

    /// <summary>The slice of <paramref name="fields"/> holding <paramref name="field"/> (UL-SCH, HARQ-ACK, CSI part 1, CSI part 2 back to back).</summary>
    internal static Span<T> FieldSlice<T>(T[] fields, PuschUciLengths lengths, PuschCodewordField field) => field switch
    {
        PuschCodewordField.Ulsch => fields.AsSpan(0, lengths.Ulsch),
        PuschCodewordField.HarqAck => fields.AsSpan(lengths.Ulsch, lengths.HarqAck),
        PuschCodewordField.CsiPart1 => fields.AsSpan(lengths.Ulsch + lengths.HarqAck, lengths.CsiPart1),
        PuschCodewordField.CsiPart2 => fields.AsSpan(lengths.Ulsch + lengths.HarqAck + lengths.CsiPart1, lengths.CsiPart2),
        _ => [],
    };

    /// <summary>Checks the UCI payload lengths against the configuration.</summary>
    internal static void CheckUciLengths(PuschUciConfiguration uci, int harqAck, int csiPart1, int csiPart2, string name)
    {
        if (harqAck != uci.HarqAckBitCount || csiPart1 != uci.CsiPart1BitCount || csiPart2 != uci.CsiPart2BitCount)
        {
            ThrowHelper.ThrowArgument(name, $"the UCI has {harqAck} HARQ-ACK, {csiPart1} CSI part 1 and {csiPart2} CSI part 2 bits; the configuration says {uci.HarqAckBitCount}, {uci.CsiPart1BitCount} and {uci.CsiPart2BitCount}.");
        }
    }

    private void ProcessWithUci(
        SharedChannelConfiguration configuration, PuschUciConfiguration uciConfiguration, ReadOnlySpan<byte> transportBlock, PuschUciPayload uci, int redundancyVersion, int slot, ResourceGrid grid)
    {
        SharedChannelLayout layout = Modulator.Layout(configuration);
        SharedChannelCodingParameters parameters = Modulator.CodingParameters(configuration);
        PuschUciMultiplexingPlan plan = _uciPlans.Get(configuration, layout, parameters);
        CheckUciLengths(uciConfiguration, uci.HarqAck.Length, uci.CsiPart1.Length, uci.CsiPart2.Length, nameof(uci));
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, uciConfiguration.UlschPresent ? parameters.TransportBlockSize : 0, nameof(transportBlock));
        PuschUciLengths lengths = plan.Lengths;
        Span<byte> ulsch = FieldSlice(_fields, lengths, PuschCodewordField.Ulsch);
        Span<byte> harqAck = FieldSlice(_fields, lengths, PuschCodewordField.HarqAck);
        Span<byte> csiPart1 = FieldSlice(_fields, lengths, PuschCodewordField.CsiPart1);
        Span<byte> csiPart2 = FieldSlice(_fields, lengths, PuschCodewordField.CsiPart2);
        if (uciConfiguration.UlschPresent)
        {
            _encoder.Encode(transportBlock, parameters, redundancyVersion, ulsch);
        }

        int qm = configuration.Modulation.BitsPerSymbol();
        _uciEncoder.EncodePart(uci.HarqAck, qm, harqAck);
        _uciEncoder.EncodePart(uci.CsiPart1, qm, csiPart1);
        _uciEncoder.EncodePart(uci.CsiPart2, qm, csiPart2);
        Span<byte> codeword = _codeword.AsSpan(0, plan.CodewordLength);
        plan.Multiplex<byte>(ulsch, harqAck, csiPart1, csiPart2, codeword);
        Modulator.Modulate(configuration, codeword, slot, grid);
        _lastLengths = lengths;
        _lastLength = codeword.Length;
    }

    /// <summary>
    /// Maps an already encoded codeword of G bits onto <paramref name="grid"/> (the second half of <see cref="Process(SharedChannelConfiguration, ReadOnlySpan{byte}, int, int, ResourceGrid)"/>;
    /// the entry point for codewords that multiplex more than the shared-channel data, such as UCI on PUSCH).
    /// </summary>
    public void Modulate(SharedChannelConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid) =>
        Modulator.Modulate(configuration, codeword, slot, grid);
}
