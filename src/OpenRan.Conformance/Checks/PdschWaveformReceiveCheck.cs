using System;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Dsp;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PDSCH reception from MATLAB's time-domain waveforms (<c>py5gphy_matlab/pdsch/pdsch_waveform</c>): each layer's
/// <c>waveform</c> row is OFDM-demodulated (TS 38.211 §5.3.1 inverted, <see cref="OfdmVectorCase"/>) slot by slot, and
/// the grids go through the <see cref="PdschReceiveCheck"/> steps (DM-RS amplitude conversion, noiseless and 30 dB,
/// <c>SharedChannelReceiver</c> with HARQ combining): every slot's transport block must pass its CRC and equal
/// <c>trblk_out</c>, and, noiseless, the codeword hard decisions must equal <c>RM_out</c>.
/// </summary>
public sealed class PdschWaveformReceiveCheck : PdschReceiveCheck
{
    /// <summary>Creates the check over <c>pdsch_waveform</c>.</summary>
    public PdschWaveformReceiveCheck()
        : base("pdsch_waveform", "receive", "PDSCH waveform → OFDM demodulation → transport block with CRC, noiseless and 30 dB (TS 38.211 §5.3.1, §7.3.1, TS 38.212 §7.2 inverted)")
    {
    }

    /// <inheritdoc />
    protected override Func<int, int, Complex[]> TransmittedGrids(MatlabPdschCase vector, string caseId)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var ofdm = OfdmVectorCase.Load(caseId);
        int perSlot = 14 * vector.SubcarrierCount;
        var rows = new ComplexF32[vector.Configuration.LayerCount][];
        for (int v = 0; v < rows.Length; v++)
        {
            rows[v] = ofdm.Demodulate(v, vector.SlotCount);
            if (ofdm.Resampled)
            {
                // MATLAB's amplitude is 1/N_FFT of its own FFT size (see OfdmGridWaveformCheck).
                ComplexKernels.Scale(rows[v], 1f / ofdm.MatlabAmplitude, rows[v]);
            }
        }

        return (slot, layer) => Array.ConvertAll(rows[layer][(slot * perSlot)..((slot + 1) * perSlot)], c => new Complex(c.Re, c.Im));
    }
}
