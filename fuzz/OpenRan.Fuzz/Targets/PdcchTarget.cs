using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// The PDCCH blind search (<see cref="PdcchReceiver.Search"/>) in a CORESET#0 Type0-PDCCH common search space on an
/// arbitrary grid. Header: byte 0 the TS 38.213 Table 13-1 row, byte 1 extra grid RBs, byte 2 the CORESET's offset,
/// byte 3 the slot, bytes 4–5 N_ID^cell, byte 6 the sample format; the rest fills the grid.
/// </summary>
internal sealed class PdcchTarget : FuzzTarget
{
    private const int MaxExtraRbs = 8;
    private static readonly ushort[] s_rntis = [0xFFFF, 0x4601];
    private readonly List<Coreset0Row> _rows = [];
    private readonly ResourceGrid _grid = new(1, 14, (96 + MaxExtraRbs) * 12);
    private readonly PdcchReceiver _receiver = new();
    private readonly PdcchDetection[] _results = [new(), new(), new(), new()];
    private readonly int[] _payloadSizes = new int[1];

    public override string Name => "pdcch";

    public override string Description => "0: CORESET#0 row, 1: extra RBs, 2: CORESET offset, 3: slot, 4-5: N_ID^cell, 6: sample format; the rest is the grid for PdcchReceiver.Search";

    public override void Prepare()
    {
        for (int index = 0; index < 16; index++)
        {
            if (Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.Default, index) is Coreset0Row row)
            {
                _rows.Add(row);
            }
        }
    }

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        Coreset0Row row = _rows[reader.Choose(_rows.Count)];
        int extra = reader.Choose(MaxExtraRbs + 1);
        int firstCrb = reader.Choose(extra + 1);
        int slot = reader.Choose(10);
        int nIdCell = reader.UInt16() % 1008;
        int format = reader.Byte();
        int gridRbs = row.RbCount + extra;
        var coreset = new Coreset(Type0PdcchCss.Coreset0(row, firstCrb + row.OffsetRbs, 0, nIdCell));
        _grid.Configure(1, 14, gridRbs);
        for (int symbol = 0; symbol < 14; symbol++)
        {
            reader.Samples(format, _grid.Symbol(0, symbol));
        }

        _payloadSizes[0] = new DciSizes0_0And1_0(row.RbCount, gridRbs, true).Size;
        bool silent = FalseDecodeCheck.IsSilent(_grid);
        int found = _receiver.Search(_grid, 0, new PdcchSearchRequest(slot, coreset, Type0PdcchCss.SearchSpace(0), 0, 0, nIdCell), _payloadSizes, s_rntis, s_rntis.Length, _results);
        FalseDecodeCheck.ThrowIfDecodedFromSilence(silent, found > 0, Name);
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        Prepare();
        var transmitter = new PdcchTransmitter();
        SearchSpaceConfiguration space = Type0PdcchCss.SearchSpace(0);
        for (int r = 0; r < _rows.Count; r += 4)
        {
            Coreset0Row row = _rows[r];
            const int Extra = 4, FirstCrb = 2, Slot = 3, NIdCell = 500, Level = 4;
            var coreset = new Coreset(Type0PdcchCss.Coreset0(row, FirstCrb + row.OffsetRbs, 0, NIdCell));
            int gridRbs = row.RbCount + Extra;
            var grid = new ResourceGrid(1, 14, gridRbs * 12);
            var payload = new byte[new DciSizes0_0And1_0(row.RbCount, gridRbs, true).Size];
            payload[3] = 1;
            payload[^2] = 1;
            int firstCce = PdcchCandidates.FirstCce(0, 0, space.CandidateCount(Level), Level, coreset.CceCount);
            transmitter.Map(grid, 0, coreset, new PdcchAllocation(Slot, 0, firstCce, Level, 0xFFFF, 0, NIdCell), payload);
            var seed = new SeedBuilder().Header((byte)r, Extra, FirstCrb, Slot, NIdCell & 0xFF, NIdCell >> 8, 0);
            for (int symbol = 0; symbol < 14; symbol++)
            {
                seed.Floats(grid.Symbol(0, symbol));
            }

            yield return new FuzzSeed($"row{r}-si-rnti", seed.ToArray());
        }

        yield return new FuzzSeed("silent", new SeedBuilder().Header(0, 0, 0, 0, 0, 0, 1).ToArray());
        yield return new FuzzSeed("noise", new SeedBuilder().Header(1, 2, 1, 5, 9, 0, 1).RandomBytes(new Random(4), 2 * 14 * 30 * 12).ToArray());
    }
}
