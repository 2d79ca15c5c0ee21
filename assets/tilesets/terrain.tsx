<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="terrain" tilewidth="32" tileheight="32" tilecount="32" columns="8">
 <image source="../tiles/terrain.png" width="256" height="128"/>
 <tile id="0">
  <properties>
   <property name="attenuation" type="int" value="12"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="void"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="floor_wood"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="floor_wood_dark"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="floor_tile"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="floor_tile_dark"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="floor_carpet"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="pavement"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="pavement_dark"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="road"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="grass"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="grass_dark"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="gravel"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="attenuation" type="int" value="12"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="wall_brick"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="attenuation" type="int" value="12"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="wall_plaster"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="attenuation" type="int" value="12"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="wall_stone"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="attenuation" type="int" value="3"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="hedge"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="attenuation" type="int" value="2"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="tree"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="attenuation" type="int" value="6"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="window"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="attenuation" type="int" value="6"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="shop_window"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="attenuation" type="int" value="8"/>
   <property name="door" value="closed"/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="door_closed"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value="open"/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="door_open"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="attenuation" type="int" value="8"/>
   <property name="door" value="locked"/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="door_locked"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="stairs_up"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value="up"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="stairs_down"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value="down"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="counter"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="table"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="shelf"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="bed"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="sofa"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="true"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="drillable_floor_wood"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="30"/>
   <property name="lit" type="bool" value="false"/>
   <property name="name" value="rubble"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="false"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="true"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="attenuation" type="int" value="1"/>
   <property name="door" value=""/>
   <property name="drillable" type="bool" value="false"/>
   <property name="floor_attenuation" type="int" value="0"/>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="lamp_post"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="outdoor" type="bool" value="true"/>
   <property name="stairs" value=""/>
   <property name="walkable" type="bool" value="false"/>
   <property name="window" type="bool" value="false"/>
  </properties>
 </tile>
</tileset>
