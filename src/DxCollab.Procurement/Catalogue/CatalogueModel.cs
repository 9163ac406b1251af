using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class CatalogueModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
