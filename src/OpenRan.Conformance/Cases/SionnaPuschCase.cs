using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Conformance.Cases;

/// <summary>
/// One Sionna PUSCH transmitter vector of <c>sionna/nr/pusch_transmitter</c> (README §1.8): the JSON configuration as a
/// <see cref="PuschConfiguration"/>, the transport block and the reference grid.
/// </summary>
/// <remarks>
/// Defaults not in the JSON (README §1.8, checked in Sionna's source): mapping type A, dmrs-TypeA-Position 2, no
/// transform precoding, 15 kHz, normal CP, BWP = grid = <c>n_size_bwp</c> blocks starting at CRB 0, all PRBs allocated;
/// a scalar DM-RS <c>n_id</c> serves both N_ID^0 and N_ID^1; data scrambling n_ID = N_ID^cell (Sionna's default); the
/// TB encoder's LDPC circular buffer is not limited (N_cb = N).
/// </remarks>
public sealed class SionnaPuschCase
{
    private SionnaPuschCase(PuschConfiguration configuration, int slot, byte[] transportBlock, Complex[] grid, int[] shape, double targetCodeRate, int mcsIndex, int mcsTable)
    {
        Configuration = configuration;
        Slot = slot;
        TransportBlock = transportBlock;
        GridValues = grid;
        GridShape = shape;
        TargetCodeRate = targetCodeRate;
        McsIndex = mcsIndex;
        McsTable = mcsTable;
    }

    /// <summary>The configuration.</summary>
    public PuschConfiguration Configuration { get; }

    /// <summary>The slot number.</summary>
    public int Slot { get; }

    /// <summary>The transport block bits.</summary>
    public byte[] TransportBlock { get; }

    /// <summary>Target code rate of the TB configuration.</summary>
    public double TargetCodeRate { get; }

    /// <summary>MCS index of the TB configuration.</summary>
    public int McsIndex { get; }

    /// <summary>MCS table (1-based, Sionna numbering) of the TB configuration.</summary>
    public int McsTable { get; }

    /// <summary>The reference grid, [K, 14, P] in C order.</summary>
    public Complex[] GridValues { get; }

    /// <summary>[K, 14, P].</summary>
    public int[] GridShape { get; }

    /// <summary>Reference resource element (antenna port p, symbol l, subcarrier k).</summary>
    public Complex Grid(int port, int symbol, int k) => GridValues[(((k * GridShape[1]) + symbol) * GridShape[2]) + port];

    /// <summary>Loads the JSON and NPZ pair of <paramref name="jsonPath"/>.</summary>
    public static SionnaPuschCase Load(string jsonPath)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        JsonElement carrier = json.RootElement.GetProperty("carrier");
        JsonElement pusch = json.RootElement.GetProperty("pusch");
        JsonElement dmrs = pusch.GetProperty("dmrs");
        JsonElement tb = pusch.GetProperty("tb");
        int cellId = carrier.GetProperty("n_cell_id").GetInt32();
        int prbs = pusch.GetProperty("n_size_bwp").GetInt32();
        int[] symbols = [.. pusch.GetProperty("symbol_allocation").EnumerateArray().Select(e => e.GetInt32())];
        int layers = pusch.GetProperty("num_layers").GetInt32();
        int dmrsId = dmrs.GetProperty("n_id").GetInt32();
        var configuration = new PuschConfiguration
        {
            NSizeGrid = prbs,
            NSizeBwp = prbs,
            NIdCell = cellId,
            NId = cellId,
            PrbSet = [.. Enumerable.Range(0, prbs)],
            StartSymbol = symbols[0],
            SymbolCount = symbols[1],
            NRnti = pusch.GetProperty("n_rnti").GetInt32(),
            LayerCount = layers,
            AntennaPortCount = pusch.GetProperty("num_antenna_ports").GetInt32(),
            TransmissionScheme = pusch.GetProperty("precoding").GetString() == "codebook" ? PuschTransmissionScheme.Codebook : PuschTransmissionScheme.NonCodebook,
            Tpmi = pusch.GetProperty("tpmi").GetInt32(),
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(tb.GetProperty("num_bits_per_symbol").GetInt32()),
            Dmrs = new DmrsConfiguration
            {
                Length = dmrs.GetProperty("length").GetInt32(),
                ConfigurationType = (DmrsConfigurationType)dmrs.GetProperty("config_type").GetInt32(),
                AdditionalPosition = dmrs.GetProperty("additional_position").GetInt32(),
                CdmGroupsWithoutData = dmrs.GetProperty("num_cdm_groups_without_data").GetInt32(),
                Ports = [.. dmrs.GetProperty("dmrs_port_set").EnumerateArray().Select(e => e.GetInt32())],
                NScid = dmrs.GetProperty("n_scid").GetInt32(),
                ScramblingId0 = dmrsId,
                ScramblingId1 = dmrsId,
            },
        };
        NpzArchive npz = NpzArchive.Load(Path.ChangeExtension(jsonPath, ".npz"));
        NumericData grid = npz["grid"];
        byte[] transportBlock = npz["tb_bits"].ToBits();
        configuration = configuration with
        {
            TargetCodeRate = tb.GetProperty("target_code_rate").GetDouble(),
            TransportBlockSize = transportBlock.Length,
        };
        return new SionnaPuschCase(
            configuration,
            carrier.GetProperty("slot_number").GetInt32(),
            transportBlock,
            grid.ToComplexArray(),
            grid.Shape,
            tb.GetProperty("target_code_rate").GetDouble(),
            tb.GetProperty("mcs_index").GetInt32(),
            tb.GetProperty("mcs_table").GetInt32());
    }
}
