using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// Where a transmission's DM-RS sits and how its ports share it, independent of the channel that carries it: the
/// allocated symbols, the DM-RS symbols (occasions of one or two symbols), the allocated resource blocks, the
/// resource-element pattern of each CDM group (TS 38.211 Tables 6.4.1.1.3-1/-2 and 7.4.1.1.2-1/-2: configuration type
/// 1 or 2), the CDM group and orthogonal covers w_f(k′), w_t(l′) of every layer's port, the DM-RS amplitude β and the
/// subcarrier spacing. Built once per configuration by the channel (PDSCH, PUSCH, later others); immutable.
/// </summary>
/// <remarks>
/// Resource blocks are numbered in allocation order ("allocation coordinates": block b covers allocation subcarriers
/// [12b, 12b + 12)), and <see cref="BlockFirstSubcarrier"/> places each on the received grid, so non-contiguous
/// allocations are packed. The CDM group λ of a port occupies subcarriers Δ_λ + <see cref="ResourceElementOffset(int)"/>(j),
/// j = 0..P − 1, of every allocated block; consecutive pairs (j = 2n, 2n + 1) form one frequency-OCC pair (k′ = 0, 1).
/// </remarks>
public sealed class DmrsPattern
{
    /// <summary>Largest number of DM-RS occasions (positions) in a slot (TS 38.211 Tables 6.4.1.1.3-3, 7.4.1.1.2-3).</summary>
    public const int MaxOccasions = 4;

    /// <summary>Largest number of CDM groups (configuration type 2).</summary>
    public const int MaxCdmGroups = 3;

    private readonly int[] _occasionSymbols;
    private readonly int[] _blockFirstSubcarriers;
    private readonly (int First, int Count)[] _clusters;
    private readonly int[] _layerGroup;
    private readonly int[] _layerPort;
    private readonly float[] _frequencyCover; // [layer][k′]
    private readonly float[] _timeCover;      // [layer][l′]
    private readonly int[] _portsInGroup = new int[MaxCdmGroups];

    /// <summary>Describes the pattern; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    /// <param name="symbolsPerSlot">N_symb^slot, 14 or 12.</param>
    /// <param name="firstSymbol">First allocated symbol (the estimate covers firstSymbol .. firstSymbol + symbolCount − 1).</param>
    /// <param name="symbolCount">Allocated symbols.</param>
    /// <param name="occasionSymbols">The first symbol of every DM-RS occasion, ascending, 1..4 of them.</param>
    /// <param name="occasionLength">Symbols per occasion: 1 (single-symbol DM-RS) or 2 (double-symbol).</param>
    /// <param name="blockFirstSubcarriers">The grid subcarrier of subcarrier 0 of every allocated resource block, ascending.</param>
    /// <param name="configurationType">The resource-element pattern of the CDM groups.</param>
    /// <param name="ports">The DM-RS port (table index) of every layer, in layer order.</param>
    /// <param name="amplitude">β, the DM-RS amplitude relative to unit-power data.</param>
    /// <param name="subcarrierSpacingHz">Δf, for the timing and frequency offsets.</param>
    public DmrsPattern(
        int symbolsPerSlot, int firstSymbol, int symbolCount, ReadOnlySpan<int> occasionSymbols, int occasionLength,
        ReadOnlySpan<int> blockFirstSubcarriers, DmrsConfigurationType configurationType, IReadOnlyList<int> ports, float amplitude, double subcarrierSpacingHz)
    {
        ArgumentNullException.ThrowIfNull(ports);
        Require(symbolsPerSlot is 12 or 14, nameof(symbolsPerSlot), symbolsPerSlot, "12 or 14");
        Require(firstSymbol >= 0 && symbolCount >= 1 && firstSymbol + symbolCount <= symbolsPerSlot, nameof(symbolCount), symbolCount, $"1..{symbolsPerSlot - firstSymbol} from symbol {firstSymbol}");
        Require(occasionLength is 1 or 2, nameof(occasionLength), occasionLength, "1 or 2");
        Require(occasionSymbols.Length is >= 1 and <= MaxOccasions, nameof(occasionSymbols), occasionSymbols.Length, $"1..{MaxOccasions} occasions");
        for (int o = 0; o < occasionSymbols.Length; o++)
        {
            bool ordered = o == 0 || occasionSymbols[o] >= occasionSymbols[o - 1] + occasionLength;
            Require(ordered && occasionSymbols[o] >= 0 && occasionSymbols[o] + occasionLength <= symbolsPerSlot, nameof(occasionSymbols), occasionSymbols[o], "ascending, non-overlapping symbols of the slot");
        }

        Require(blockFirstSubcarriers.Length is >= 1 and <= NrConstants.MaxPrb, nameof(blockFirstSubcarriers), blockFirstSubcarriers.Length, $"1..{NrConstants.MaxPrb} blocks");
        for (int b = 0; b < blockFirstSubcarriers.Length; b++)
        {
            bool ordered = b == 0 ? blockFirstSubcarriers[0] >= 0 : blockFirstSubcarriers[b] >= blockFirstSubcarriers[b - 1] + NrConstants.SubcarriersPerRb;
            Require(ordered && blockFirstSubcarriers[b] % NrConstants.SubcarriersPerRb == 0, nameof(blockFirstSubcarriers), blockFirstSubcarriers[b], "ascending, non-overlapping resource-block starts");
        }

        Require(Enum.IsDefined(configurationType), nameof(configurationType), configurationType, "Type1 or Type2");
        Require(ports.Count is >= 1 and <= 4, nameof(ports), ports.Count, "1..4 layers");
        Require(amplitude > 0 && float.IsFinite(amplitude), nameof(amplitude), amplitude, "a positive finite β");
        Require(subcarrierSpacingHz > 0 && double.IsFinite(subcarrierSpacingHz), nameof(subcarrierSpacingHz), subcarrierSpacingHz, "a positive Δf");

        SymbolsPerSlot = symbolsPerSlot;
        FirstSymbol = firstSymbol;
        SymbolCount = symbolCount;
        _occasionSymbols = occasionSymbols.ToArray();
        OccasionLength = occasionLength;
        _blockFirstSubcarriers = blockFirstSubcarriers.ToArray();
        _clusters = BuildClusters(_blockFirstSubcarriers);
        ConfigurationType = configurationType;
        Amplitude = amplitude;
        SubcarrierSpacingHz = subcarrierSpacingHz;
        LayerCount = ports.Count;
        _layerGroup = new int[LayerCount];
        _layerPort = new int[LayerCount];
        _frequencyCover = new float[2 * LayerCount];
        _timeCover = new float[2 * LayerCount];
        for (int v = 0; v < LayerCount; v++)
        {
            int port = ports[v];
            Require(port >= 0 && port < DmrsPortTable.PortCount(configurationType), nameof(ports), port, $"0..{DmrsPortTable.PortCount(configurationType) - 1}");
            _layerPort[v] = port;
            _layerGroup[v] = DmrsPortTable.CdmGroup(configurationType, port);
            _portsInGroup[_layerGroup[v]]++;
            for (int i = 0; i < 2; i++)
            {
                _frequencyCover[(2 * v) + i] = DmrsPortTable.FrequencyCover(configurationType, port, i);
                _timeCover[(2 * v) + i] = DmrsPortTable.TimeCover(configurationType, port, i);
            }
        }
    }

    /// <summary>N_symb^slot.</summary>
    public int SymbolsPerSlot { get; }

    /// <summary>First allocated symbol.</summary>
    public int FirstSymbol { get; }

    /// <summary>Allocated symbols.</summary>
    public int SymbolCount { get; }

    /// <summary>Number of DM-RS occasions.</summary>
    public int OccasionCount => _occasionSymbols.Length;

    /// <summary>Symbols per occasion (L′ = 1 or 2).</summary>
    public int OccasionLength { get; }

    /// <summary>The first symbol of every occasion.</summary>
    public ReadOnlySpan<int> OccasionSymbols => _occasionSymbols;

    /// <summary>Allocated resource blocks.</summary>
    public int BlockCount => _blockFirstSubcarriers.Length;

    /// <summary>Allocated subcarriers (12 per block): the length of every channel-estimate row.</summary>
    public int SubcarrierCount => _blockFirstSubcarriers.Length * NrConstants.SubcarriersPerRb;

    /// <summary>Runs of grid-contiguous allocated blocks: (first block, number of blocks).</summary>
    public ReadOnlySpan<(int First, int Count)> Clusters => _clusters;

    /// <summary>The resource-element pattern (configuration type 1 or 2).</summary>
    public DmrsConfigurationType ConfigurationType { get; }

    /// <summary>P: DM-RS resource elements of one CDM group per block (6 for type 1, 4 for type 2).</summary>
    public int ResourceElementsPerBlock => DmrsPortTable.ResourceElementsPerPrb(ConfigurationType);

    /// <summary>Despread pilots (frequency-OCC pairs) per block: P/2.</summary>
    public int PilotsPerBlock => ResourceElementsPerBlock / 2;

    /// <summary>Distance in subcarriers between the centres of consecutive pairs: 4 (type 1) or 6 (type 2).</summary>
    public int PilotSpacing => ConfigurationType == DmrsConfigurationType.Type1 ? 4 : 6;

    /// <summary>The number of layers (one DM-RS port each).</summary>
    public int LayerCount { get; }

    /// <summary>β, the DM-RS amplitude.</summary>
    public float Amplitude { get; }

    /// <summary>Δf in Hz.</summary>
    public double SubcarrierSpacingHz { get; }

    /// <summary>The grid subcarrier of subcarrier 0 of allocated block <paramref name="block"/>.</summary>
    public int BlockFirstSubcarrier(int block) => _blockFirstSubcarriers[block];

    /// <summary>The DM-RS port (table index) of layer <paramref name="layer"/>.</summary>
    public int Port(int layer) => _layerPort[layer];

    /// <summary>The CDM group λ of layer <paramref name="layer"/>'s port.</summary>
    public int CdmGroup(int layer) => _layerGroup[layer];

    /// <summary>Whether any layer uses CDM group <paramref name="group"/>.</summary>
    public bool GroupInUse(int group) => _portsInGroup[group] > 0;

    /// <summary>The number of layers whose port is in CDM group <paramref name="group"/>.</summary>
    public int PortsInGroup(int group) => _portsInGroup[group];

    /// <summary>w_f(k′) of layer <paramref name="layer"/>'s port, k′ = 0 or 1.</summary>
    public float FrequencyCover(int layer, int kPrime) => _frequencyCover[(2 * layer) + kPrime];

    /// <summary>w_t(l′) of layer <paramref name="layer"/>'s port, l′ = 0 or 1.</summary>
    public float TimeCover(int layer, int lPrime) => _timeCover[(2 * layer) + lPrime];

    /// <summary>Δ_λ, the subcarrier shift of CDM group <paramref name="group"/> within a block: λ (type 1) or 2λ (type 2).</summary>
    public int GroupShift(int group) => ConfigurationType == DmrsConfigurationType.Type1 ? group : 2 * group;

    /// <summary>The subcarrier (relative to Δ_λ within a block) of the j-th DM-RS element of a CDM group: 2j (type 1) or 6⌊j/2⌋ + j mod 2 (type 2).</summary>
    public int ResourceElementOffset(int j) => ResourceElementOffset(ConfigurationType, j);

    /// <summary>The position (in subcarriers from the start of a block) of the centre of the first pair of CDM group <paramref name="group"/>.</summary>
    public float FirstPilotSubcarrier(int group) => GroupShift(group) + (ConfigurationType == DmrsConfigurationType.Type1 ? 1f : 0.5f);

    /// <summary>The subcarrier of the j-th element of a CDM group relative to Δ_λ (TS 38.211 §6.4.1.1.3, §7.4.1.1.2: k = 4n + 2k′ + Δ or 6n + k′ + Δ).</summary>
    public static int ResourceElementOffset(DmrsConfigurationType type, int j) => type == DmrsConfigurationType.Type1 ? 2 * j : (6 * (j >> 1)) + (j & 1);

    private static (int, int)[] BuildClusters(int[] starts)
    {
        var clusters = new List<(int, int)>();
        int first = 0;
        for (int i = 1; i <= starts.Length; i++)
        {
            if (i == starts.Length || starts[i] != starts[i - 1] + NrConstants.SubcarriersPerRb)
            {
                clusters.Add((first, i - first));
                first = i;
            }
        }

        return [.. clusters];
    }

    private static void Require(bool condition, string name, object value, string valid)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} = {value}; valid: {valid}.", name);
        }
    }
}
