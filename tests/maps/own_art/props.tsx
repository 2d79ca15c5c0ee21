<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="props" tilewidth="24" tileheight="32" tilecount="2" columns="0">
 <grid orientation="orthogonal" width="1" height="1"/>
 <tile id="0">
  <image width="16" height="32" source="lamp.png"/>
 </tile>
 <tile id="1">
  <image width="24" height="12" source="rug.png"/>
 </tile>
</tileset>
