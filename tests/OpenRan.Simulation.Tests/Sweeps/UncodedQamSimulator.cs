using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Sweeps;

/// <summary>
/// Uncoded QAM over AWGN, one frame of <see cref="FrameBits"/> bits per "slot": TS 38.211 §5.1 mapping
/// (<see cref="ModulationMapper"/>, unit average symbol energy), complex noise at the unit's SNR read as Es/N0 (the
/// per-RE SNR of <see cref="SnrDefinition"/> with E_RE = 1), and a hard-decision demapper written for this test:
/// square QAM decides each axis on the nearest level and maps it back to the Gray-coded bits that produce it; BPSK decides
/// on Re + Im. Counts bit errors and frame errors.
/// </summary>
internal sealed class UncodedQamSimulator : IWorkUnitSimulator
{
    public const int FrameBits = 4032; // a multiple of 1, 2, 4 and 6

    private readonly ModulationScheme _scheme;
    private readonly int _qm;
    private readonly RandomStream _data = new(0);
    private readonly AdditiveWhiteGaussianNoise _noise = new();
    private readonly byte[] _bits = new byte[FrameBits];
    private readonly ComplexF32[] _symbols;
    private readonly float[] _levelsRe;
    private readonly int[] _bitsRe;
    private readonly float[] _levelsIm;
    private readonly int[] _bitsIm;

    public UncodedQamSimulator(ModulationScheme scheme)
    {
        _scheme = scheme;
        _qm = scheme.BitsPerSymbol();
        _symbols = new ComplexF32[FrameBits / _qm];
        (_levelsRe, _bitsRe) = AxisTable(scheme, real: true);
        (_levelsIm, _bitsIm) = AxisTable(scheme, real: false);
    }

    public LinkCounters Run(in WorkUnit unit)
    {
        _data.Reset(unit.StreamSeed(RandomStreamKind.Data));
        _noise.Reset(unit.StreamSeed(RandomStreamKind.Noise));
        _noise.NoiseVariance = SnrDefinition.NoiseVariancePerSample(unit.SnrDb, resourceElementEnergy: 1, fftNoiseGain: 1);
        long bitErrors = 0;
        long frameErrors = 0;
        for (int frame = 0; frame < unit.SlotCount; frame++)
        {
            _data.NextBits(_bits);
            ModulationMapper.Map(_bits, _scheme, _symbols);
            _noise.Apply(_symbols);
            int errors = CountErrors();
            bitErrors += errors;
            frameErrors += errors > 0 ? 1 : 0;
        }

        return new LinkCounters
        {
            Slots = unit.SlotCount,
            Transmissions = unit.SlotCount,
            TransmissionErrors = frameErrors,
            TransportBlocks = unit.SlotCount,
            ResidualErrors = frameErrors,
            DecodedBits = (unit.SlotCount - frameErrors) * (long)FrameBits,
            OfferedBits = unit.SlotCount * (long)FrameBits,
            BitErrors = bitErrors,
            Bits = unit.SlotCount * (long)FrameBits,
        };
    }

    private int CountErrors()
    {
        int errors = 0;
        for (int i = 0; i < _symbols.Length; i++)
        {
            ComplexF32 y = _symbols[i];
            if (_qm == 1)
            {
                int decided = y.Re + y.Im < 0 ? 1 : 0;
                errors += decided ^ _bits[i];
                continue;
            }

            // Axis bits: even bit positions b0, b2, … select the real part, odd ones the imaginary part (TS 38.211 §5.1).
            int re = _bitsRe[Nearest(_levelsRe, y.Re)];
            int im = _bitsIm[Nearest(_levelsIm, y.Im)];
            int half = _qm / 2;
            for (int j = 0; j < half; j++)
            {
                errors += ((re >> (half - 1 - j)) & 1) ^ _bits[(i * _qm) + (2 * j)];
                errors += ((im >> (half - 1 - j)) & 1) ^ _bits[(i * _qm) + (2 * j) + 1];
            }
        }

        return errors;
    }

    private static int Nearest(float[] levels, float v)
    {
        int best = 0;
        for (int k = 1; k < levels.Length; k++)
        {
            if (Math.Abs(levels[k] - v) < Math.Abs(levels[best] - v))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The distinct axis levels of the constellation and, for each, the axis bits (MSB first) that map to it.</summary>
    private static (float[] Levels, int[] Bits) AxisTable(ModulationScheme scheme, bool real)
    {
        int qm = scheme.BitsPerSymbol();
        if (qm == 1)
        {
            return ([], []);
        }

        int half = qm / 2;
        var levels = new List<float>();
        var bits = new List<int>();
        var pattern = new byte[qm];
        var symbol = new ComplexF32[1];
        for (int axisBits = 0; axisBits < (1 << half); axisBits++)
        {
            Array.Clear(pattern);
            for (int j = 0; j < half; j++)
            {
                pattern[(2 * j) + (real ? 0 : 1)] = (byte)((axisBits >> (half - 1 - j)) & 1);
            }

            ModulationMapper.Map(pattern, scheme, symbol);
            levels.Add(real ? symbol[0].Re : symbol[0].Im);
            bits.Add(axisBits);
        }

        return (levels.ToArray(), bits.ToArray());
    }
}
