using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// The SS/PBCH chain on arbitrary baseband samples: time-domain search (<see cref="SsbTimeSearch"/>), cell identity
/// (<see cref="CellIdentityDetector"/>) and PBCH (<see cref="PbchReceiver"/>) on the block found. Header: byte 0 the
/// sampling configuration, byte 1 the sample format, byte 2 L_max, bytes 3–4 how many samples beyond one block.
/// </summary>
internal sealed class SsbSearchTarget : FuzzTarget
{
    private static readonly int[] s_lMax = [4, 8, 64];
    private static readonly SsbTimeSearchConfiguration[] s_configurations =
    [
        new() { SampleRateHz = 15.36e6, SubcarrierSpacingKhz = 15 },
        new() { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = 30, SsbFrequencyOffsetHz = 9.84e6 },
        new() { SampleRateHz = 7.68e6, SubcarrierSpacingKhz = 15, SsbFrequencyOffsetHz = -1.2e6, SsbCenterFrequencyHz = 1.8e9 },
    ];

    private readonly ResourceGrid _grid = new(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
    private readonly CellIdentityDetector _cell = new();
    private readonly PbchReceiver _pbch = new();
    private SsbTimeSearch[] _searches = [];
    private ComplexF32[] _samples = [];

    public override string Name => "ssb";

    public override string Description => "0: sampling configuration, 1: sample format, 2: L_max, 3-4: extra samples; the rest is baseband for SsbTimeSearch, CellIdentityDetector and PbchReceiver";

    public override void Prepare()
    {
        _searches = Array.ConvertAll(s_configurations, c => new SsbTimeSearch(c));
        int longest = 0;
        foreach (SsbTimeSearch search in _searches)
        {
            longest = Math.Max(longest, 4 * search.BlockSampleCount);
        }

        _samples = new ComplexF32[longest];
    }

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        SsbTimeSearch search = _searches[reader.Choose(_searches.Length)];
        int format = reader.Byte();
        int lMax = s_lMax[reader.Choose(s_lMax.Length)];
        int count = search.BlockSampleCount + (reader.UInt16() % (3 * search.BlockSampleCount));
        Span<ComplexF32> samples = _samples.AsSpan(0, count);
        reader.Samples(format, samples);
        search.Search(samples, _grid);
        CellIdentity cell = _cell.Detect(_grid, 0, 0, 0);
        bool silent = FalseDecodeCheck.IsSilent(_grid);
        PbchReceiveResult pbch = _pbch.Receive(_grid, 0, 0, 0, cell.NIdCell, lMax);
        FalseDecodeCheck.ThrowIfDecodedFromSilence(silent, pbch.CrcPassed, Name);
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        Prepare();
        yield return new FuzzSeed("silent", new SeedBuilder().Header(0, 1, 1, 0, 0).ToArray());
        yield return new FuzzSeed("noise", new SeedBuilder().Header(1, 1, 0, 0, 0).RandomBytes(new Random(6), 2 * _searches[1].BlockSampleCount).ToArray());

        // A synthesized block (our own transmitter and a plain inverse DFT) inside silence.
        const int Lead = 500, NIdCell = 321;
        SsbTimeSearchConfiguration configuration = s_configurations[0];
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        new SsbTransmitter().Map(grid, 0, 0, 0, new Mib(100, false, 0, 2, 0, false, true), NIdCell, 8, 0, 0, SsbAmplitudes.Unit);
        int n = configuration.FftSize, cp = configuration.CyclicPrefixSamples;
        var samples = new ComplexF32[_searches[0].BlockSampleCount + (2 * Lead)];
        for (int l = 0; l < SsbResourceMap.SymbolCount; l++)
        {
            int start = Lead + (l * (n + cp));
            for (int t = 0; t < n; t++)
            {
                double re = 0, im = 0;
                for (int k = 0; k < SsbResourceMap.SubcarrierCount; k++)
                {
                    ComplexF32 x = grid[0, l, k];
                    double phase = 2 * Math.PI * (k - (SsbResourceMap.SubcarrierCount / 2)) * t / n;
                    re += (x.Re * Math.Cos(phase)) - (x.Im * Math.Sin(phase));
                    im += (x.Re * Math.Sin(phase)) + (x.Im * Math.Cos(phase));
                }

                var value = new ComplexF32((float)(re / Math.Sqrt(n)), (float)(im / Math.Sqrt(n)));
                samples[start + cp + t] = value;
                if (t >= n - cp)
                {
                    samples[start + t - (n - cp)] = value;
                }
            }
        }

        int extra = samples.Length - _searches[0].BlockSampleCount;
        yield return new FuzzSeed("synthesized-block", new SeedBuilder().Header(0, 0, 1, (byte)extra, (byte)(extra >> 8)).Floats(samples).ToArray());

        // The srsRAN 4G NR downlink capture (15.36 Msps, PCI 500) when the shared reference data is present (read at run
        // time only: it is AGPL-licensed and not copied into the repository).
        string? capture = vectorRoots.Select(r => Path.Combine(r, "srsran_4g", "iq", "ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat")).FirstOrDefault(File.Exists);
        if (capture is not null)
        {
            byte[] raw = File.ReadAllBytes(capture);
            int captured = raw.Length / 8;
            int capturedExtra = Math.Min(captured - _searches[0].BlockSampleCount, (3 * _searches[0].BlockSampleCount) - 1);
            yield return new FuzzSeed("srsran-pci500", new SeedBuilder().Header(0, 0, 1, (byte)capturedExtra, (byte)(capturedExtra >> 8)).Header(raw[..((_searches[0].BlockSampleCount + capturedExtra) * 8)]).ToArray());
        }
    }
}
