"""What the plugins, the settings files and the render process share to adapt the content model to Pelican."""
