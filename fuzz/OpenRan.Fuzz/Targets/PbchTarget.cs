using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// The PBCH receiver (<see cref="PbchReceiver"/>) on an arbitrary grid of 14 symbols × 24 RB. Header: bytes 0–1 N_ID^cell,
/// byte 2 L_max (4, 8, 64), byte 3 the block's first symbol, byte 4 its first subcarrier, byte 5 the sample format.
/// </summary>
internal sealed class PbchTarget : FuzzTarget
{
    private const int GridRbs = 24;
    private static readonly int[] s_lMax = [4, 8, 64];
    private readonly ResourceGrid _grid = new(1, 14, GridRbs * 12);
    private readonly PbchReceiver _receiver = new();

    public override string Name => "pbch";

    public override string Description => "bytes 0-1: N_ID^cell, 2: L_max, 3: first symbol, 4: first subcarrier, 5: sample format; the rest is the grid for PbchReceiver.Receive";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        int nIdCell = reader.UInt16() % 1008;
        int lMax = s_lMax[reader.Choose(s_lMax.Length)];
        int firstSymbol = reader.Choose(14 - SsbResourceMap.SymbolCount + 1);
        int firstSubcarrier = reader.Choose((GridRbs * 12) - SsbResourceMap.SubcarrierCount + 1);
        int format = reader.Byte();
        _grid.Configure(1, 14, GridRbs);
        for (int symbol = 0; symbol < 14; symbol++)
        {
            reader.Samples(format, _grid.Symbol(0, symbol));
        }

        bool silent = FalseDecodeCheck.IsSilent(_grid);
        PbchReceiveResult result = _receiver.Receive(_grid, 0, firstSymbol, firstSubcarrier, nIdCell, lMax);
        FalseDecodeCheck.ThrowIfDecodedFromSilence(silent, result.CrcPassed, Name);
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var transmitter = new SsbTransmitter();
        var grid = new ResourceGrid(1, 14, GridRbs * 12);
        for (int i = 0; i < s_lMax.Length; i++)
        {
            int lMax = s_lMax[i];
            grid.Configure(1, 14, GridRbs);
            grid.Clear();
            var mib = new Mib(517, true, lMax == 64 ? 11 : 23, 3, 0x64, false, true);
            transmitter.Map(grid, 0, 2, 12, mib, 321, lMax, lMax - 1, 1, SsbAmplitudes.Unit);
            var seed = new SeedBuilder().Header(321 & 0xFF, 321 >> 8, (byte)i, 2, 12, 0);
            for (int symbol = 0; symbol < 14; symbol++)
            {
                seed.Floats(grid.Symbol(0, symbol));
            }

            yield return new FuzzSeed($"lmax{lMax}-noiseless", seed.ToArray());
        }

        yield return new FuzzSeed("silent", new SeedBuilder().Header(1, 0, 1, 0, 0, 1).ToArray());
        yield return new FuzzSeed("noise", new SeedBuilder().Header(7, 0, 1, 3, 20, 1).RandomBytes(new Random(3), 2 * 14 * GridRbs * 12).ToArray());
    }
}
