namespace Coaching.Web.Pdf;

/// <summary>Vertical room between sections.</summary>
public sealed class Spacer(float height) : IPdfComponent
{
    public void Layout(PdfLayout layout) => layout.Advance(height);
}
