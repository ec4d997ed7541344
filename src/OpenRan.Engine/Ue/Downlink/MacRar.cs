using System;
using System.Collections.Generic;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// One MAC RAR of a random-access response (TS 38.321 §6.1.5, §6.2.3): the preamble it answers, the Timing Advance
/// Command, the UL grant (TS 38.213 Table 8.2-1) and the Temporary C-RNTI.
/// </summary>
/// <param name="Rapid">The random access preamble identifier of the E/T/RAPID subheader, 0..63.</param>
/// <param name="TimingAdvance">T_A, 12 bits (TS 38.213 §4.2).</param>
/// <param name="Grant">The 27-bit UL grant's fields.</param>
/// <param name="TemporaryCRnti">The Temporary C-RNTI.</param>
public readonly record struct MacRar(int Rapid, int TimingAdvance, RarUplinkGrant Grant, int TemporaryCRnti)
{
    /// <summary>
    /// Reads the MAC subPDUs of a random-access response MAC PDU into <paramref name="rars"/>: an optional E/T/R/R/BI
    /// subheader (T = 0, the Backoff Indicator), then E/T/RAPID subheaders (T = 1) each followed by a MAC RAR, until a
    /// subheader with E = 0 (padding may follow). Returns the Backoff Indicator, or −1 when there is none.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> pdu, List<MacRar> rars)
    {
        ArgumentNullException.ThrowIfNull(rars);
        int backoff = -1;
        int position = 0;
        while (position < pdu.Length)
        {
            byte subheader = pdu[position];
            bool more = (subheader & 0x80) != 0;
            if ((subheader & 0x40) == 0)
            {
                backoff = subheader & 0x0F;
                position++;
            }
            else
            {
                if (!MacPdu.TryReadRandomAccessResponse(pdu[position..], out int rapid, out int timingAdvance, out int grant, out int temporaryCRnti))
                {
                    break;
                }

                rars.Add(new MacRar(rapid, timingAdvance, RarUplinkGrant.Unpack(grant), temporaryCRnti));
                position += MacPdu.RarSubPduBytes;
            }

            if (!more)
            {
                break;
            }
        }

        return backoff;
    }
}
