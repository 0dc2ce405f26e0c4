global using Htmx;
