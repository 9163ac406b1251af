using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class DocumentsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
