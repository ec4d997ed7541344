using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.Sequences;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The PUCCH transmitter of a UE (TS 38.211 §6.3.2, §6.4.1.3; TS 38.212 §6.3.1): UCI → (formats 2–4) channel coding and
/// scrambling → the format's modulator, DM-RS included → one port of the resource grid. Composed from parts handed to the
/// constructor (or default ones); the configuration is validated once per configuration and UCI size, every buffer is sized
/// at construction, so a transmission allocates nothing. Not thread-safe.
/// </summary>
public sealed class PucchTransmitter
{
    private readonly PucchUciEncoder _encoder;
    private readonly PucchSlotSequences _sequences = new();
    private readonly PucchFormat0Modulator _format0 = new();
    private readonly PucchFormat1Modulator _format1 = new();
    private readonly PucchFormat2Modulator _format2 = new();
    private readonly PucchFormat34Modulator _format34;
    private readonly PseudoRandomSequence _scrambling = new();
    private readonly byte[] _codeword = new byte[PucchUciEncoder.MaxRateMatchedLength];
    private readonly byte[] _scrambled = new byte[PucchUciEncoder.MaxRateMatchedLength];
    private PucchConfiguration? _configuration;
    private PucchLayout? _layout;
    private PucchUciSizes _validatedSizes;
    private int _lastCodewordLength;
    private int _lastSymbolCount;
    private PucchFormat _lastFormat;

    /// <summary>Creates the transmitter from its parts (null: a default instance).</summary>
    public PucchTransmitter(PucchUciEncoder? encoder = null, TransformPrecoder? precoder = null)
    {
        _encoder = encoder ?? new PucchUciEncoder();
        _format34 = new PucchFormat34Modulator(precoder);
    }

    /// <summary>The coded bits g before scrambling of the last format 2–4 transmission (TS 38.212 §6.3.1.6).</summary>
    public ReadOnlySpan<byte> LastCodeword => _codeword.AsSpan(0, _lastCodewordLength);

    /// <summary>The modulation symbols of the last transmission: format 0 the sequence of every symbol, format 1 d(0), format 2 the QPSK symbols, formats 3/4 the transform-precoded symbols.</summary>
    public ReadOnlySpan<ComplexF32> LastSymbols => _lastFormat switch
    {
        PucchFormat.Format2 => _format2.LastSymbols,
        PucchFormat.Format3 or PucchFormat.Format4 => _format34.LastPrecoded,
        _ => _lastSymbols.AsSpan(0, _lastSymbolCount),
    };

    /// <summary>Whether the last call transmitted anything (a negative SR alone is not transmitted).</summary>
    public bool LastTransmitted { get; private set; }

    /// <summary>m_cs of the last format 0 transmission.</summary>
    public int LastCyclicShift { get; private set; }

    private readonly ComplexF32[] _lastSymbols = new ComplexF32[2 * NrConstants.SubcarriersPerRb];

    /// <summary>The layout of <paramref name="configuration"/> (validated and derived once, then cached).</summary>
    public PucchLayout Layout(PucchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (_layout is null || !(ReferenceEquals(configuration, _configuration) || configuration.Equals(_configuration)))
        {
            _layout = new PucchLayout(configuration);
            _configuration = configuration;
            _validatedSizes = default;
        }

        return _layout;
    }

    /// <summary>
    /// Transmits <paramref name="payload"/> on <paramref name="configuration"/> in slot n_s,f^μ = <paramref name="slot"/> into
    /// port <paramref name="port"/> of <paramref name="grid"/> (only the PUCCH REs are written).
    /// </summary>
    /// <exception cref="ArgumentException">The configuration or the UCI sizes are invalid (every problem named), or the grid does not hold the BWP.</exception>
    public void Transmit(PucchConfiguration configuration, PucchUciPayload payload, int slot, ResourceGrid grid, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(grid);
        PucchLayout layout = Layout(configuration);
        PucchUciSizes sizes = payload.Sizes;
        if (sizes != _validatedSizes)
        {
            PucchConfigurationValidator.ThrowIfInvalid(configuration, sizes);
            _validatedSizes = sizes;
        }

        PucchGridCheck.ThrowIfOutside(layout, grid, port);
        _sequences.Prepare(layout, slot);
        LastTransmitted = true;
        _lastFormat = configuration.Format;
        _lastCodewordLength = 0;
        _lastSymbolCount = 0;
        switch (configuration.Format)
        {
            case PucchFormat.Format0:
            {
                bool positiveSr = payload.Sr.Length > 0 && (payload.Sr[0] & 1) != 0;
                if (payload.HarqAck.Length == 0 && !positiveSr)
                {
                    LastTransmitted = false;
                    return;
                }

                LastCyclicShift = PucchFormat0Modulator.CyclicShiftFor(payload.HarqAck, positiveSr);
                _format0.Map(_sequences, LastCyclicShift, grid, port);
                Span<ComplexF32> symbols = _lastSymbols.AsSpan(0, layout.SymbolCount * NrConstants.SubcarriersPerRb);
                for (int l = 0; l < layout.SymbolCount; l++)
                {
                    grid.Symbol(port, configuration.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), NrConstants.SubcarriersPerRb)
                        .CopyTo(symbols.Slice(l * NrConstants.SubcarriersPerRb, NrConstants.SubcarriersPerRb));
                }

                _lastSymbolCount = symbols.Length;
                return;
            }

            case PucchFormat.Format1:
            {
                ReadOnlySpan<byte> zero = [0];
                ComplexF32 d0;
                if (payload.HarqAck.Length > 0)
                {
                    d0 = PucchFormat1Modulator.Symbol(payload.HarqAck);
                }
                else if ((payload.Sr[0] & 1) != 0)
                {
                    d0 = PucchFormat1Modulator.Symbol(zero);
                }
                else
                {
                    LastTransmitted = false;
                    return;
                }

                _format1.Map(_sequences, d0, grid, port);
                _lastSymbols[0] = d0;
                _lastSymbolCount = 1;
                return;
            }

            default:
            {
                int eTot = layout.TotalRateMatchedLength;
                Span<byte> g = _codeword.AsSpan(0, eTot);
                _encoder.Encode(layout, payload, g);
                _lastCodewordLength = eTot;
                Span<byte> scrambled = _scrambled.AsSpan(0, eTot);
                _scrambling.Initialize(PucchScrambling.InitialValue(configuration.NRnti, configuration.NIdOrCell));
                _scrambling.ApplyXor(g, scrambled);
                if (configuration.Format == PucchFormat.Format2)
                {
                    _format2.Map(_sequences, scrambled, grid, port);
                }
                else
                {
                    _format34.Map(_sequences, scrambled, grid, port);
                }

                return;
            }
        }
    }
}
